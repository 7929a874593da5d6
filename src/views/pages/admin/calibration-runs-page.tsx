import type { CalibrationRunListRow } from '../../../db/queries/calibration.ts';
import type { PageContext } from '../../../http/page-context.ts';
import { AdminPage } from '../../layouts/admin-page.tsx';
import { Pager } from '../../partials/pager.tsx';
import { CalibrationForm } from '../../partials/admin/calibration-form.tsx';
import type { CalibrationFormState } from '../../partials/admin/calibration-form-state.ts';
import { CalibrationRunsTable } from '../../partials/admin/calibration-runs-table.tsx';

export interface CalibrationRunsPageProps {
  ctx: PageContext;
  listing: { rows: CalibrationRunListRow[]; configs: Record<number, string>; page: number; pages: number; total: number };
  form: CalibrationFormState;
  assignments: { slug: string; title: string }[];
  drafts: boolean;
  /** A run of the same assignment and config already going (409). */
  conflict?: { message: string; runId: number };
}

const pageHref = (n: number) => `/admin/calibration?page=${n}`;

/** GET /admin/calibration: the runs so far and the form that starts one. */
export function CalibrationRunsPage({ ctx, listing, form, assignments, drafts, conflict }: CalibrationRunsPageProps) {
  const { page, pages, total } = listing;
  return (
    <AdminPage title="Calibration" ctx={ctx} section="/admin/calibration">
      <h1>Calibration</h1>
      <p class="lead">A run reads every anchor memo of an assignment several times with one exact config and checks the scores against the ranges the anchors expect.</p>
      {conflict ? (
        <p class="notice error" role="alert">
          {conflict.message} <a href={`/admin/calibration/${conflict.runId}`}>Open run {conflict.runId}</a>.
        </p>
      ) : null}
      <h2>Run calibration</h2>
      <CalibrationForm state={form} assignments={assignments} drafts={drafts} />
      <h2>Runs</h2>
      {total === 0 ? (
        <p>No calibration runs yet.</p>
      ) : (
        <>
          <CalibrationRunsTable runs={listing.rows} configs={listing.configs} />
          <Pager id="pager" page={page} pages={pages} total={total} noun={['run', 'runs']} label="Calibration run pages" hrefs={{ prev: page > 1 ? pageHref(Math.min(page - 1, pages)) : undefined, next: page < pages ? pageHref(page + 1) : undefined, last: pageHref(pages) }} />
        </>
      )}
    </AdminPage>
  );
}
