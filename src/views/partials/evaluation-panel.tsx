import { EvaluationAwaitingReview, type AwaitingReviewProps } from './evaluation-awaiting-review.tsx';
import { EvaluationFailed, type FailedProps } from './evaluation-failed.tsx';
import { EvaluationPending, type PendingProps } from './evaluation-pending.tsx';
import { EvaluationResultView, type ResultProps } from './evaluation-result.tsx';

/** One of the states of an evaluation (done but held for review is its own); also the htmx polling fragment. */
export type PanelProps =
  | ({ state: 'pending' } & PendingProps)
  | ({ state: 'done' } & ResultProps)
  | ({ state: 'review' } & AwaitingReviewProps)
  | ({ state: 'failed' } & FailedProps);

export function EvaluationPanel(p: PanelProps) {
  if (p.state === 'pending') return <EvaluationPending {...p} />;
  if (p.state === 'done') return <EvaluationResultView {...p} />;
  if (p.state === 'review') return <EvaluationAwaitingReview {...p} />;
  return <EvaluationFailed {...p} />;
}
