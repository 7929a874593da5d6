import type { AdminEvaluationRow, EvaluationOrder } from '../../../db/queries/admin-evaluations.ts';
import type { FilterValues } from '../../../evaluations/filters.ts';
import { EvaluationsBody } from './evaluations-body.tsx';
import { EvaluationsHead } from './evaluations-head.tsx';

export interface EvaluationsTableProps {
  rows: AdminEvaluationRow[];
  values: FilterValues;
  order: EvaluationOrder;
  emptyMessage?: string;
}

/** The history table: sortable headers and the rows (the same components the htmx fragment sends). */
export function EvaluationsTable({ rows, values, order, emptyMessage }: EvaluationsTableProps) {
  return (
    <div class="table-wrap">
      <table class="data-table evaluations-table">
        <caption>Evaluation history</caption>
        <EvaluationsHead values={values} order={order} />
        <EvaluationsBody rows={rows} emptyMessage={emptyMessage} />
      </table>
    </div>
  );
}
