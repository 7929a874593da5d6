import type { FormAssignment } from '../../assignments/entry.ts';
import type { PageContext } from '../../http/page-context.ts';
import { Page } from '../layouts/page.tsx';
import { AssignmentBrief } from '../partials/assignment-brief.tsx';
import { DemoNotice } from '../partials/demo-notice.tsx';
import { SubmissionForm, type SubmissionFormProps } from '../partials/submission-form.tsx';

export interface SubmissionPageProps extends Omit<SubmissionFormProps, 'i18n' | 'assignmentSlug'> {
  ctx: PageContext;
  /** The assignment answered, shown above the form (absent at `/` for the default one). */
  assignment?: FormAssignment;
  rubricName: string;
  /** The full rubric this memo is assessed with. */
  rubricHref: string;
  criteria: { name: string; weight: number }[];
  demo: boolean;
}

/** GET /: the form, with the rubric summarised and linked. */
export function SubmissionPage(p: SubmissionPageProps) {
  const { t } = p.ctx.i18n;
  const title = p.parentId ? t('form.title.revise') : t('form.title.new');
  return (
    <Page title={p.error ? `${t('error.titlePrefix')} ${title}` : title} ctx={p.ctx}>
      <h1>{p.parentId ? t('form.heading.revise') : t('form.heading.new')}</h1>
      <p class="lead">
        {t('form.lead.before')} <a href={p.rubricHref}>{p.rubricName}</a>
        {t('form.lead.after')}
      </p>
      {p.demo ? <DemoNotice i18n={p.ctx.i18n} kind="server" /> : null}
      {p.assignment?.title ? <AssignmentBrief title={p.assignment.title} context={p.assignment.context} /> : null}
      <div class="two-col">
        <SubmissionForm text={p.text} maxChars={p.maxChars} error={p.error} parentId={p.parentId} assignmentSlug={p.assignment?.slug} i18n={p.ctx.i18n} />
        <aside class="rubric-summary" aria-labelledby="rubric-summary-title">
          <h2 id="rubric-summary-title">{t('form.assessed')}</h2>
          <ul>
            {p.criteria.map((c) => (
              <li>
                {c.name} <span class="weight">({c.weight}%)</span>
              </li>
            ))}
          </ul>
          <p>
            <a href={p.rubricHref}>{t('form.readRubric')}</a>
          </p>
        </aside>
      </div>
    </Page>
  );
}
