import { countAudit, listAudit } from '../../db/queries/audit.ts';
import { wantsJson, type Ctx } from '../../http/context.ts';
import { pageContext } from '../../http/page-context.ts';
import { renderPage } from '../../http/render.ts';
import { AuditPage } from '../../views/pages/admin/audit-page.tsx';

/** Audit entries per page. */
export const AUDIT_PAGE_SIZE = 50;

/** `?page=` as a page number within 1..pages (anything else means the nearest valid page). */
export function pageNumber(raw: string | undefined, pages: number): number {
  const n = raw && /^\d{1,9}$/.test(raw) ? Number(raw) : 1;
  return Math.min(Math.max(n, 1), pages);
}

/** Stored details are JSON; anything unreadable is shown as it is. */
function parseDetails(details: string | null): unknown {
  if (details === null) return null;
  try {
    return JSON.parse(details);
  } catch {
    return details;
  }
}

/** GET /admin/audit — admin actions, newest first, paginated (also JSON). */
export function listAuditLog(c: Ctx) {
  const { db } = c.var.deps;
  const total = countAudit(db);
  const pages = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));
  const page = pageNumber(c.req.query('page'), pages);
  const entries = listAudit(db, AUDIT_PAGE_SIZE, (page - 1) * AUDIT_PAGE_SIZE).map((e) => ({ ...e, details: parseDetails(e.details) }));
  if (wantsJson(c)) {
    const json = entries.map((e) => ({ id: e.id, time: new Date(e.createdAt).toISOString(), actor: e.actorName, action: e.action, target: e.target, details: e.details }));
    return c.json({ page, pages, pageSize: AUDIT_PAGE_SIZE, total, entries: json });
  }
  return renderPage(c, <AuditPage ctx={pageContext(c)} entries={entries} page={page} pages={pages} total={total} />);
}
