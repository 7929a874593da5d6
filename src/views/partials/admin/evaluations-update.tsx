import type { AdminEvaluationRow, EvaluationOrder } from '../../../db/queries/admin-evaluations.ts';
import { Pager } from '../pager.tsx';
import { EvaluationFilters } from './evaluation-filters.tsx';
import { historyPager } from '../../evaluation-links.ts';
import type { FilterValues } from '../../../evaluations/filters.ts';
import { EvaluationsBody } from './evaluations-body.tsx';
import { EvaluationsHead } from './evaluations-head.tsx';

export interface EvaluationsUpdateProps {
  rows: AdminEvaluationRow[];
  values: FilterValues;
  order: EvaluationOrder;
  page: number;
  pages: number;
  total: number;
  emptyMessage?: string;
}

/**
 * The htmx answer to the filter form: the new `<tbody>` (swapped for #evaluations-tbody), plus the
 * headers, pager and form, whose links carry the filters (the form also drops old error messages).
 */
export function EvaluationsUpdate(p: EvaluationsUpdateProps) {
  return (
    <>
      <EvaluationsBody rows={p.rows} emptyMessage={p.emptyMessage} />
      <hx-partial hx-target="#evaluations-thead" hx-swap="outerHTML">
        <EvaluationsHead values={p.values} order={p.order} />
      </hx-partial>
      <hx-partial hx-target="#pager" hx-swap="outerHTML">
        <Pager {...historyPager(p.values, p.page, p.pages, p.total)} />
      </hx-partial>
      <hx-partial hx-target="#evaluation-filters" hx-swap="outerMorph">
        <EvaluationFilters values={p.values} errors={{}} enhance />
      </hx-partial>
    </>
  );
}
