import type { PageContext } from '../../../http/page-context.ts';
import { AdminPage } from '../../layouts/admin-page.tsx';
import { AuditPager } from '../../admin/audit-pager.tsx';
import { AuditRow, type AuditRowEntry } from '../../partials/admin/audit-row.tsx';

export interface AuditPageProps {
  ctx: PageContext;
  entries: AuditRowEntry[];
  page: number;
  pages: number;
  total: number;
}

/** GET /admin/audit: who did what and when, newest first. */
export function AuditPage({ ctx, entries, page, pages, total }: AuditPageProps) {
  return (
    <AdminPage title={page > 1 ? `Audit log, page ${page}` : 'Audit log'} ctx={ctx} section="/admin/audit">
      <h1>Audit log</h1>
      <p class="lead">Administrators' changes to accounts, sessions, configuration and backups. Times are UTC.</p>
      {entries.length === 0 ? (
        <p>Nothing recorded yet.</p>
      ) : (
        <>
          <div class="table-wrap">
            <table class="data-table audit-table">
              <caption>Audit entries, newest first</caption>
              <thead>
                <tr>
                  <th scope="col">Time (UTC)</th>
                  <th scope="col">Actor</th>
                  <th scope="col">Action</th>
                  <th scope="col">Target</th>
                  <th scope="col">Details</th>
                </tr>
              </thead>
              <tbody>
                {entries.map((e) => (
                  <AuditRow entry={e} />
                ))}
              </tbody>
            </table>
          </div>
          <AuditPager page={page} pages={pages} total={total} />
        </>
      )}
    </AdminPage>
  );
}
