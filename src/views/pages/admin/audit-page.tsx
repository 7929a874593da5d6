import type { PageContext } from '../../../http/page-context.ts';
import { AdminPage } from '../../layouts/admin-page.tsx';
import { AuditPager } from '../../admin/audit-pager.tsx';
import type { AuditRowEntry } from '../../partials/admin/audit-row.tsx';
import { AuditTable } from '../../partials/admin/audit-table.tsx';

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
          <AuditTable entries={entries} />
          <AuditPager page={page} pages={pages} total={total} />
        </>
      )}
    </AdminPage>
  );
}
