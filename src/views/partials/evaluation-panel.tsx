import { EvaluationFailed, type FailedProps } from './evaluation-failed.tsx';
import { EvaluationPending, type PendingProps } from './evaluation-pending.tsx';
import { EvaluationResultView, type ResultProps } from './evaluation-result.tsx';

/** One of the three states of an evaluation; also the htmx polling fragment. */
export type PanelProps =
  | ({ state: 'pending' } & PendingProps)
  | ({ state: 'done' } & ResultProps)
  | ({ state: 'failed' } & FailedProps);

export function EvaluationPanel(p: PanelProps) {
  if (p.state === 'pending') return <EvaluationPending {...p} />;
  if (p.state === 'done') return <EvaluationResultView {...p} />;
  return <EvaluationFailed {...p} />;
}
