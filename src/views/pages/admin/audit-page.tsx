import type { PageContext } from '../../../http/page-context.ts';
import { AdminPage } from '../../layouts/admin-page.tsx';
import { Pager } from '../../partials/pager.tsx';
import type { AuditRowEntry } from '../../partials/admin/audit-row.tsx';
import { AuditTable } from '../../partials/admin/audit-table.tsx';

export interface AuditPageProps {
  ctx: PageContext;
  entries: AuditRowEntry[];
  page: number;
  pages: number;
  total: number;
}

const pageHref = (n: number) => `/admin/audit?page=${n}`;

/** GET /admin/audit: who did what and when, newest first. */
export function AuditPage({ ctx, entries, page, pages, total }: AuditPageProps) {
  return (
    <AdminPage title={page > 1 ? `Audit log, page ${page}` : 'Audit log'} ctx={ctx} section="/admin/audit">
      <h1>Audit log</h1>
      <p class="lead">Administrators' changes to accounts, sessions, configuration and backups. Times are UTC.</p>
      {total === 0 ? (
        <p>Nothing recorded yet.</p>
      ) : (
        <>
          <AuditTable entries={entries} />
          <Pager
            id="pager"
            page={page}
            pages={pages}
            total={total}
            noun={['entry', 'entries']}
            label="Audit log pages"
            hrefs={{ prev: page > 1 ? pageHref(Math.min(page - 1, pages)) : undefined, next: page < pages ? pageHref(page + 1) : undefined, last: pageHref(pages) }}
          />
        </>
      )}
    </AdminPage>
  );
}
