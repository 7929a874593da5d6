import { countAudit, listAudit } from '../../db/queries/audit.ts';
import { wantsJson, type Ctx } from '../../http/context.ts';
import { paginate } from '../../http/paginate.ts';
import { pageContext } from '../../http/page-context.ts';
import { renderPage } from '../../http/render.ts';
import { AuditPage } from '../../views/pages/admin/audit-page.tsx';

/** Audit entries per page. */
export const AUDIT_PAGE_SIZE = 50;

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
  const { page, pages, limit, offset } = paginate(c.req.query('page'), total, AUDIT_PAGE_SIZE);
  const entries = listAudit(db, limit, offset).map((e) => ({ ...e, details: parseDetails(e.details) }));
  if (wantsJson(c)) {
    const json = entries.map((e) => ({ id: e.id, time: new Date(e.createdAt).toISOString(), actor: e.actorName, action: e.action, target: e.target, details: e.details }));
    return c.json({ page, pages, pageSize: AUDIT_PAGE_SIZE, total, entries: json });
  }
  return renderPage(c, <AuditPage ctx={pageContext(c)} entries={entries} page={page} pages={pages} total={total} />);
}
