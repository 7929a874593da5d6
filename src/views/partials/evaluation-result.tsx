import type { I18n } from '../../i18n/index.ts';
import type { StudentReadings } from '../../evaluations/student-result.ts';
import type { EvaluationResult } from '../../llm/evaluate.ts';
import { BulletSection } from './bullet-section.tsx';
import { CriterionScores } from './criterion-scores.tsx';
import { DemoNotice } from './demo-notice.tsx';
import { FlagForm, type FlagState } from './flag-form.tsx';
import { InstructorNote } from './instructor-note.tsx';
import { MemoText } from './memo-text.tsx';
import { OverallScore } from './overall-score.tsx';
import { RevisionComparisonView, type Revision } from './revision-comparison.tsx';
import { SegmentNotes } from './segment-notes.tsx';

export interface ResultProps {
  id: number;
  submissionId: number;
  memo: string;
  result: EvaluationResult;
  /** How many readings the scores combine, and how far they varied when the student is told. */
  readings: StudentReadings;
  finishedAt: number;
  /** Set when this memo revises an earlier one that was evaluated. */
  revision: Revision | undefined;
  /** Set when the result is the instructor's released one. */
  review: { note: string } | undefined;
  flag: FlagState;
  i18n: I18n;
}

/** The finished evaluation: overall, criteria, strengths, opportunities, the memo with comments. */
export function EvaluationResultView({ id, submissionId, memo, result, readings, finishedAt, revision, review, flag, i18n }: ResultProps) {
  const { t } = i18n;
  const { max } = result.scale;
  return (
    <section
      id="evaluation-panel"
      class="panel result"
      aria-labelledby="result-title"
      data-announce={t('result.announce', { overall: result.overall.toFixed(1), max, band: result.band })}
    >
      <h1 id="result-title">{t('result.heading')}</h1>
      {result.demo ? <DemoNotice i18n={i18n} kind="result" /> : null}
      <OverallScore result={result} finishedAt={finishedAt} i18n={i18n} />
      {review ? <InstructorNote note={review.note} i18n={i18n} /> : null}

      {revision ? <RevisionComparisonView revision={revision} max={max} i18n={i18n} /> : null}

      <h2>{t('result.byCriterion')}</h2>
      {readings.variedBy !== undefined ? <p class="readings-note">{i18n.plural('result.readingsNote', readings.variedBy, { readings: i18n.int(readings.readings) })}</p> : null}
      <CriterionScores result={result} i18n={i18n} />

      <div class="two-col">
        <BulletSection id="strengths-title" title={t('result.strengths')} items={result.strengths} />
        <BulletSection id="opportunities-title" title={t('result.opportunities')} items={result.opportunities} />
      </div>

      <h2>{t('result.memoHeading')}</h2>
      <MemoText memo={memo} segments={result.segments} i18n={i18n} />
      <SegmentNotes segments={result.segments} criteria={result.criteria} i18n={i18n} />

      <FlagForm id={id} flag={flag} i18n={i18n} />
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
