import { wantsJson, type Ctx } from '../http/context.ts';
import { pageContext } from '../http/page-context.ts';
import { renderPage } from '../http/render.ts';
import { RubricPage } from '../views/pages/rubric.tsx';

/** GET /rubric — the rubric in force, as a page or JSON. */
export function showRubric(c: Ctx) {
  const { rubric } = c.var.deps.config.current.files;
  if (wantsJson(c)) return c.json(rubric);
  return renderPage(c, <RubricPage ctx={pageContext(c)} rubric={rubric} />);
}
