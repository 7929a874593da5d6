import type { I18n } from '../../i18n/index.ts';
import type { EvaluationResult } from '../../llm/evaluate.ts';
import { isoDate } from '../format.ts';
import { DemoNotice } from './demo-notice.tsx';
import { MemoText } from './memo-text.tsx';
import { RevisionComparisonView, type Revision } from './revision-comparison.tsx';
import { ScoreBar } from './score-bar.tsx';
import { SegmentNotes } from './segment-notes.tsx';

export interface ResultProps {
  id: number;
  submissionId: number;
  memo: string;
  result: EvaluationResult;
  finishedAt: number;
  /** Set when this memo revises an earlier one that was evaluated. */
  revision: Revision | undefined;
  i18n: I18n;
}

/** The finished evaluation: overall, criteria, strengths, opportunities, the memo with comments. */
export function EvaluationResultView({ submissionId, memo, result, finishedAt, revision, i18n }: ResultProps) {
  const { t } = i18n;
  const { min, max } = result.scale;
  return (
    <section
      id="evaluation-panel"
      class="panel result"
      aria-labelledby="result-title"
      data-announce={t('result.announce', { overall: result.overall.toFixed(1), max, band: result.band })}
    >
      <h1 id="result-title">{t('result.heading')}</h1>
      {result.demo ? <DemoNotice i18n={i18n} kind="result" /> : null}
      <div class="overall">
        <p class="overall-score">
          <span class="overall-number">{result.overall.toFixed(1)}</span>
          <span class="overall-max"> / {max}</span>
        </p>
        <p class="overall-band">{result.band}</p>
        <p class="hint">
          {t('result.overallExplain')} {t('result.evaluated')} <time datetime={isoDate(finishedAt)}>{i18n.date(finishedAt)}</time> {t('result.against')}{' '}
          <a href="/rubric">{result.rubricName}</a>.
        </p>
      </div>

      {revision ? <RevisionComparisonView revision={revision} max={max} i18n={i18n} /> : null}

      <h2>{t('result.byCriterion')}</h2>
      <ol class="criteria">
        {result.criteria.map((c) => (
          <li class="criterion">
            <h3>{c.name}</h3>
            <p class="criterion-score">
              <strong>
                {c.score} / {max}
              </strong>{' '}
              <span class="label">{result.scale.labels[String(c.score)]}</span> <span class="weight">· {t('result.weight', { weight: c.weight })}</span>
            </p>
            <ScoreBar score={c.score} min={min} max={max} />
            <p>{c.justification}</p>
          </li>
        ))}
      </ol>

      <div class="two-col">
        <BulletSection id="strengths-title" title={t('result.strengths')} items={result.strengths} />
        <BulletSection id="opportunities-title" title={t('result.opportunities')} items={result.opportunities} />
      </div>

      <h2>{t('result.memoHeading')}</h2>
      <MemoText memo={memo} segments={result.segments} i18n={i18n} />
      <SegmentNotes segments={result.segments} criteria={result.criteria} i18n={i18n} />

      <div class="form-actions no-print">
        <a class="button primary" href={`/?revise=${submissionId}`}>
          {t('result.revise')}
        </a>
        <a class="button" href="/">
          {t('result.newMemo')}
        </a>
      </div>
    </section>
  );
}

function BulletSection({ id, title, items }: { id: string; title: string; items: string[] }) {
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      <ul>
        {items.map((s) => (
          <li>{s}</li>
        ))}
      </ul>
    </section>
  );
}
