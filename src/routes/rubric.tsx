import { assessedRubric } from '../assignments/entry.ts';
import type { Rubric } from '../config/schemas.ts';
import { findAssignmentBySlug } from '../db/queries/assignments.ts';
import { notFound } from '../http/errors.tsx';
import { wantsJson, type Ctx } from '../http/context.ts';
import { pageContext } from '../http/page-context.ts';
import { renderPage } from '../http/render.ts';
import { RubricPage } from '../views/pages/rubric.tsx';

/** GET /rubric — the rubric of the default assignment (the one in force unless it is pinned), as a page or JSON. */
export function showRubric(c: Ctx) {
  return rubricResponse(c, assessedRubric(c.var.deps.db, c.var.deps.config, undefined));
}

/** GET /a/:slug/rubric — the rubric memos to this assignment are assessed with (404 for an unknown slug). */
export function showAssignmentRubric(c: Ctx) {
  const slug = c.req.param('slug') ?? '';
  if (!findAssignmentBySlug(c.var.deps.db, slug)) return notFound(c);
  return rubricResponse(c, assessedRubric(c.var.deps.db, c.var.deps.config, slug));
}

function rubricResponse(c: Ctx, rubric: Rubric) {
  if (wantsJson(c)) return c.json(rubric);
  return renderPage(c, <RubricPage ctx={pageContext(c)} rubric={rubric} />);
}
