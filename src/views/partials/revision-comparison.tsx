import type { I18n } from '../../i18n/index.ts';
import type { RevisionComparison, TextDiff } from '../../evaluations/revisions.ts';
import { RevisionScoresTable } from './revision-scores-table.tsx';
import { ScoreDelta } from './score-delta.tsx';

export interface Revision {
  parentEvaluationId: number;
  comparison: RevisionComparison;
  changes: TextDiff;
}

/** "Compared with your previous version": score changes per criterion and the text that changed. */
export function RevisionComparisonView({ revision, max, i18n }: { revision: Revision; max: number; i18n: I18n }) {
  const { comparison: c, changes } = revision;
  const { t } = i18n;
  return (
    <section class="revision" aria-labelledby="revision-title">
      <h2 id="revision-title">{t('rev.heading')}</h2>
      <p>
        {t('rev.overall')} {c.overall.before.toFixed(1)} → <strong>{c.overall.after.toFixed(1)}</strong> / {max}: <ScoreDelta delta={c.overall.delta} decimals={1} i18n={i18n} />.{' '}
        <a href={`/evaluations/${revision.parentEvaluationId}`}>{t('rev.seePrevious')}</a>
      </p>
      <RevisionScoresTable criteria={c.criteria} i18n={i18n} />
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
