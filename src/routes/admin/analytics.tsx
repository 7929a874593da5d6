import { analyticsOfAssignment } from '../../assignments/analytics.ts';
import { findAssignment, canTeach } from '../../db/queries/assignments.ts';
import { analyticsCsv, analyticsCsvFilename } from '../../evaluations/analytics-csv.ts';
import { wantsJson, type Ctx } from '../../http/context.ts';
import { notFound } from '../../http/errors.tsx';
import { idParam } from '../../http/id-param.ts';
import { pageContext } from '../../http/page-context.ts';
import { renderPage } from '../../http/render.ts';
import { AssignmentAnalyticsPage } from '../../views/pages/admin/assignment-analytics-page.tsx';

/** The assignment in `:id` and its analytics against the rubric it uses, or undefined when the user may not teach it (a 404). */
function analyticsFor(c: Ctx) {
  const id = idParam(c.req.param('id'));
  const { db, config } = c.var.deps;
  const assignment = id === undefined ? undefined : findAssignment(db, id);
  if (!assignment || !c.var.user || !canTeach(db, assignment.id, c.var.user)) return undefined;
  return { assignment, analytics: analyticsOfAssignment(db, config, assignment.id) };
}

/** GET /admin/assignments/:id/analytics — agreement and class analytics of one assignment (page or JSON). */
export function showAssignmentAnalytics(c: Ctx) {
  const found = analyticsFor(c);
  if (!found) return notFound(c);
  if (wantsJson(c)) return c.json(found.analytics);
  const { id, title } = found.assignment;
  return renderPage(c, <AssignmentAnalyticsPage ctx={pageContext(c)} assignment={{ id, title }} analytics={found.analytics} />);
}

/** GET /admin/assignments/:id/analytics.csv — every figure of the analytics, one a line. */
export function exportAssignmentAnalyticsCsv(c: Ctx) {
  const found = analyticsFor(c);
  if (!found) return notFound(c);
  return c.body(analyticsCsv(found.analytics), 200, {
    'Content-Type': 'text/csv; charset=utf-8',
    'Content-Disposition': `attachment; filename="${analyticsCsvFilename(found.assignment.id)}"`,
  });
}
