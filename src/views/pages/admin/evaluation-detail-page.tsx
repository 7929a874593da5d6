import type { AdminEvaluationDetail } from '../../../db/queries/admin-evaluations.ts';
import type { StoredAttempt } from '../../../db/queries/attempts.ts';
import type { AdminReview } from '../../../evaluations/admin.ts';
import type { ReadingsSpread } from '../../../evaluations/spread.ts';
import type { PageContext } from '../../../http/page-context.ts';
import type { EvaluationResult } from '../../../llm/evaluate.ts';
import { formatInt } from '../../format.ts';
import { AdminPage } from '../../layouts/admin-page.tsx';
import { AttemptsTable } from '../../partials/admin/attempts-table.tsx';
import { EvaluationCostFacts } from '../../partials/admin/evaluation-cost-facts.tsx';
import { EvaluationResultSummary } from '../../partials/admin/evaluation-result-summary.tsx';
import { EvaluationRunFacts } from '../../partials/admin/evaluation-run-facts.tsx';
import { ReadingsTable } from '../../partials/admin/readings-table.tsx';
import { ReviewSummary } from '../../partials/admin/review-summary.tsx';
import { RawExchange } from '../../partials/admin/raw-exchange.tsx';
import { MemoText } from '../../partials/memo-text.tsx';

export interface EvaluationDetailProps {
  ctx: PageContext;
  ev: AdminEvaluationDetail;
  /** The stored result, when the evaluation is done and its JSON reads. */
  result: EvaluationResult | undefined;
  /** The instructor's review, if one was saved. */
  review: AdminReview | undefined;
  attempts: StoredAttempt[];
  /** How the readings agreed, when llm.yaml samples > 1 combined several. */
  spread: ReadingsSpread | undefined;
}

/** GET /admin/evaluations/:id: everything about one evaluation, with the raw prompt and response for debugging. */
export function EvaluationDetailPage({ ctx, ev, result, review, attempts, spread }: EvaluationDetailProps) {
  return (
    <AdminPage title={`Evaluation #${ev.id}`} ctx={ctx} section="/admin/evaluations">
      <p>
        <a href="/admin/evaluations">← All evaluations</a>
      </p>
      <h1>Evaluation #{ev.id}</h1>
      {ev.provider === 'demo' ? (
        <p class="notice">
          Scored by the <strong>demo evaluator</strong> (offline rules, not an AI model).
        </p>
      ) : null}
      {ev.status === 'failed' ? (
        <p class="notice error-notice">
          <strong>Failed{ev.errorKind ? ` (${ev.errorKind})` : ''}:</strong> {ev.errorMessage ?? 'no message recorded'}
        </p>
      ) : null}
      <h2>Run</h2>
      <EvaluationRunFacts ev={ev} />
      <h2>Tokens and cost (all attempts)</h2>
      <EvaluationCostFacts ev={ev} />
      <h2>Attempts</h2>
      <AttemptsTable attempts={attempts} readings={ev.samples > 1 || attempts.some((a) => a.sample > 0)} />
      {result ? <EvaluationResultSummary result={result} title={review?.final ? 'AI result' : 'Result'} /> : null}
      {spread ? <h2>Readings</h2> : null}
      {spread ? <ReadingsTable spread={spread} names={Object.fromEntries((result?.criteria ?? []).map((c) => [c.id, c.name]))} /> : null}
      {review ? <ReviewSummary review={review} id={ev.id} /> : null}
      <h2>Memo ({formatInt(ev.memoChars)} characters)</h2>
      <MemoText memo={ev.memo} segments={result?.segments ?? []} i18n={ctx.i18n} />
      <h2>Debug</h2>
      <RawExchange rawPrompt={ev.rawPrompt} rawResponse={ev.rawResponse} />
    </AdminPage>
  );
}
