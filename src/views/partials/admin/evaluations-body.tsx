import type { AdminEvaluationRow } from '../../../db/queries/admin-evaluations.ts';
import { EvaluationRow } from './evaluation-row.tsx';

export interface EvaluationsBodyProps {
  rows: AdminEvaluationRow[];
  /** Shown as a single row when nothing matches; omitted (empty body) for a page past the end. */
  emptyMessage?: string;
}

/** The history table's rows: what an htmx filter request swaps in (`#evaluations-tbody`). */
export function EvaluationsBody({ rows, emptyMessage }: EvaluationsBodyProps) {
  return (
    <tbody id="evaluations-tbody">
      {rows.map((row) => (
        <EvaluationRow row={row} />
      ))}
      {rows.length === 0 && emptyMessage ? (
        <tr class="empty-row">
          <td colspan={8}>{emptyMessage}</td>
        </tr>
      ) : null}
    </tbody>
  );
}
