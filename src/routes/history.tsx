import { readHistory } from '../evaluations/history.ts';
import { wantsJson, type Ctx } from '../http/context.ts';
import { pageContext } from '../http/page-context.ts';
import { renderPage } from '../http/render.ts';
import { HistoryPage } from '../views/pages/history.tsx';

/** GET /history — the writer's own submissions (newest first, paginated) and a progress chart; also JSON. */
export function showHistory(c: Ctx) {
  const { db, config } = c.var.deps;
  const h = readHistory(db, c.var.user?.id, config.current.files.rubric, c.req.query('page'));
  if (wantsJson(c)) {
    const entries = h.entries.map(({ excerpt, ...e }) => ({ ...e, excerpt, url: `/evaluations/${e.evaluationId}` }));
    return c.json({ page: h.page, pages: h.pages, total: h.total, pageSize: h.pageSize, entries });
  }
  return renderPage(c, <HistoryPage ctx={pageContext(c)} entries={h.entries} criteria={h.criteria} chart={h.chart} page={h.page} pages={h.pages} total={h.total} />);
}
