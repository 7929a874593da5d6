import type { PageContext } from '../../http/page-context.ts';
import { AdminPage } from '../layouts/admin-page.tsx';
import { Pager } from '../partials/pager.tsx';
import { AuditRow, type AuditRowEntry } from './audit-row.tsx';

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
