import type { Rubric } from '../../config/schemas.ts';
import type { PageContext } from '../../http/page-context.ts';
import { Page } from '../layouts/page.tsx';
import { BandsTable } from '../partials/bands-table.tsx';

/** GET /rubric: every criterion, its weight, what each level means, and how the overall is computed. */
export function RubricPage({ ctx, rubric }: { ctx: PageContext; rubric: Rubric }) {
  const { min, max, labels } = rubric.scale;
  const { t } = ctx.i18n;
  const levels: number[] = [];
  for (let s = max; s >= min; s--) levels.push(s);
  return (
    <Page title={t('rubric.title')} ctx={ctx}>
      <h1>{rubric.name}</h1>
      <p class="lead">{rubric.description}</p>

      <h2>{t('rubric.how')}</h2>
      <p>{t('rubric.howText', { min, minLabel: labels[String(min)] ?? '', max, maxLabel: labels[String(max)] ?? '' })}</p>
      <BandsTable bands={rubric.bands} i18n={ctx.i18n} />

      <h2>{t('rubric.criteria')}</h2>
      {rubric.criteria.map((c) => (
        <section class="rubric-criterion" aria-labelledby={`criterion-${c.id}`}>
          <h3 id={`criterion-${c.id}`}>
            {c.name} <span class="weight">{t('rubric.weightOf', { weight: c.weight })}</span>
          </h3>
          <p>{c.description}</p>
          <dl class="levels">
            {levels.map((s) => (
              <>
                <dt>
                  {s} · {labels[String(s)]}
                </dt>
                <dd>{c.levels[String(s)]}</dd>
              </>
            ))}
          </dl>
        </section>
      ))}
    </Page>
  );
}
