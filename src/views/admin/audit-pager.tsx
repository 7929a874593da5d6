import { formatInt } from '../format.ts';

export interface AuditPagerProps {
  page: number;
  pages: number;
  total: number;
}

/** Previous/next links (rel prev/next) and where this page is. */
export function AuditPager({ page, pages, total }: AuditPagerProps) {
  return (
    <nav class="pager" aria-label="Audit log pages">
      {page > 1 ? (
        <a href={`/admin/audit?page=${page - 1}`} rel="prev">
          ← Newer
        </a>
      ) : null}
      <span>
        Page {formatInt(page)} of {formatInt(pages)} ({formatInt(total)} {total === 1 ? 'entry' : 'entries'})
      </span>
      {page < pages ? (
        <a href={`/admin/audit?page=${page + 1}`} rel="next">
          Older →
        </a>
      ) : null}
    </nav>
  );
}
