import type { AdminEvaluationRow, EvaluationOrder } from '../../../db/queries/admin-evaluations.ts';
import type { PageContext } from '../../../http/page-context.ts';
import { AdminPage } from '../../layouts/admin-page.tsx';
import { Pager } from '../../partials/pager.tsx';
import { EvaluationFilters } from '../../partials/admin/evaluation-filters.tsx';
import { historyPager } from '../../evaluation-links.ts';
import type { FilterField, FilterValues } from '../../../evaluations/filters.ts';
import { EvaluationsTable } from '../../partials/admin/evaluations-table.tsx';

/** One page of results; absent when the filters were invalid. */
export interface EvaluationsListing {
  rows: AdminEvaluationRow[];
  order: EvaluationOrder;
  page: number;
  pages: number;
  total: number;
  emptyMessage?: string;
}

export interface EvaluationsPageProps {
  ctx: PageContext;
  values: FilterValues;
  errors: Partial<Record<FilterField, string>>;
  listing: EvaluationsListing | undefined;
}

/** GET /admin/evaluations: the filter form, the history table and its pager (or the form's errors, 422). */
export function EvaluationsPage({ ctx, values, errors, listing }: EvaluationsPageProps) {
  const invalid = Object.keys(errors).length > 0;
  return (
    <AdminPage title={invalid ? 'Error: Evaluations' : 'Evaluations'} ctx={ctx} section="/admin/evaluations">
      <h1>Evaluations</h1>
      {invalid ? (
        <p class="notice error-notice" role="alert">
          Some filters could not be used. Correct them below and show the evaluations again.
        </p>
      ) : null}
      <EvaluationFilters values={values} errors={errors} enhance={listing !== undefined} />
      {listing ? (
        <>
          <EvaluationsTable rows={listing.rows} values={values} order={listing.order} emptyMessage={listing.emptyMessage} />
          <Pager {...historyPager(values, listing.page, listing.pages, listing.total)} />
        </>
      ) : null}
    </AdminPage>
  );
}
