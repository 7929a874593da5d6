import type { I18n } from '../../i18n/index.ts';
import type { RevisionComparison, TextDiff } from '../../evaluations/revisions.ts';

export interface Revision {
  parentEvaluationId: number;
  comparison: RevisionComparison;
  changes: TextDiff;
}

function Delta({ delta, decimals, i18n }: { delta: number | undefined; decimals: number; i18n: I18n }) {
  const { t } = i18n;
  if (delta === undefined) return <span class="delta">{t('rev.new')}</span>;
  if (delta === 0) return <span class="delta same">{t('rev.same')}</span>;
  const up = delta > 0;
  return (
    <span class={`delta ${up ? 'up' : 'down'}`}>
      <span aria-hidden="true">{up ? '▲' : '▼'} </span>
      {t(up ? 'rev.up' : 'rev.down', { n: Math.abs(delta).toFixed(decimals) })}
    </span>
  );
}

/** "Compared with your previous version": score changes per criterion and the text that changed. */
export function RevisionComparisonView({ revision, max, i18n }: { revision: Revision; max: number; i18n: I18n }) {
  const { comparison: c, changes } = revision;
  const { t } = i18n;
  return (
    <section class="revision" aria-labelledby="revision-title">
      <h2 id="revision-title">{t('rev.heading')}</h2>
      <p>
        {t('rev.overall')} {c.overall.before.toFixed(1)} → <strong>{c.overall.after.toFixed(1)}</strong> / {max}: <Delta delta={c.overall.delta} decimals={1} i18n={i18n} />.{' '}
        <a href={`/evaluations/${revision.parentEvaluationId}`}>{t('rev.seePrevious')}</a>
      </p>
      <div class="table-wrap">
        <table class="data-table">
          <caption>{t('rev.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('rev.criterion')}</th>
              <th scope="col" class="num">{t('rev.before')}</th>
              <th scope="col" class="num">{t('rev.now')}</th>
              <th scope="col">{t('rev.change')}</th>
            </tr>
          </thead>
          <tbody>
            {c.criteria.map((x) => (
              <tr>
                <th scope="row">{x.name}</th>
                <td class="num">{x.before ?? '–'}</td>
                <td class="num">{x.after}</td>
                <td>
                  <Delta delta={x.delta} decimals={0} i18n={i18n} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <details class="text-changes">
        <summary>{t('rev.textSummary')}</summary>
        {changes.by === 'none' ? (
          <p class="hint">{t('rev.tooDifferent')}</p>
        ) : (
          <>
            <p class="hint">
              {changes.by === 'paragraphs' ? `${t('rev.byParagraph')} ` : ''}
              {t('rev.legend.added')} <ins>{t('rev.legend.underlined')}</ins>
              {t('rev.legend.removed')} <del>{t('rev.legend.struck')}</del>.
            </p>
            <div class="memo-text">
              {changes.changes.map((ch) => (ch.kind === 'add' ? <ins>{ch.text}</ins> : ch.kind === 'del' ? <del>{ch.text}</del> : ch.text))}
            </div>
          </>
        )}
      </details>
    </section>
  );
}
