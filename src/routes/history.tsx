import { countWriterSubmissions, listWriterHistory, writerProgress, type HistoryRow } from '../db/queries/history.ts';
import { wantsJson, type Ctx } from '../http/context.ts';
import { pageContext } from '../http/page-context.ts';
import { renderPage } from '../http/render.ts';
import type { EvaluationResult } from '../llm/evaluate.ts';
import { HistoryPage, type HistoryEntry } from '../views/pages/history.tsx';

/** Memos per history page. */
export const HISTORY_PAGE_SIZE = 20;
/** Points on the progress chart (the newest finished evaluations). */
const CHART_POINTS = 30;

function scoresOf(resultJson: string | null): Record<string, number> {
  if (!resultJson) return {};
  return Object.fromEntries((JSON.parse(resultJson) as EvaluationResult).criteria.map((c) => [c.id, c.score]));
}

function entry(r: HistoryRow): HistoryEntry {
  const excerpt = r.memoStart.replace(/\s+/g, ' ').trim();
  return { ...r, scores: scoresOf(r.resultJson), excerpt: excerpt.length > 80 ? `${excerpt.slice(0, 80)}…` : excerpt, isRevision: r.parentId !== null };
}

/** GET /history — the writer's own submissions (newest first, paginated) and a progress chart; also JSON. */
export function showHistory(c: Ctx) {
  const { db, config } = c.var.deps;
  const user = c.var.user;
  const raw = Number(c.req.query('page') ?? '1');
  const page = Number.isInteger(raw) && raw >= 1 ? raw : 1;
  const total = user ? countWriterSubmissions(db, user.id) : 0;
  const pages = Math.max(1, Math.ceil(total / HISTORY_PAGE_SIZE));
  const entries = user ? listWriterHistory(db, user.id, HISTORY_PAGE_SIZE, (page - 1) * HISTORY_PAGE_SIZE).map(entry) : [];
  const rubric = config.current.files.rubric;
  const criteria = rubric.criteria.map((x) => ({ id: x.id, name: x.name }));
  const progress = user ? writerProgress(db, user.id, CHART_POINTS) : [];
  const chart = progress.length
    ? { points: progress.map((p) => ({ evaluationId: p.evaluationId, createdAt: p.createdAt, overall: p.overall, scores: scoresOf(p.resultJson) })), criteria, scale: rubric.scale }
    : undefined;
  if (wantsJson(c)) return c.json({ page, pages, total, pageSize: HISTORY_PAGE_SIZE, entries: entries.map(({ excerpt, ...e }) => ({ ...e, excerpt, url: `/evaluations/${e.evaluationId}` })) });
  return renderPage(c, <HistoryPage ctx={pageContext(c)} entries={entries} criteria={criteria} chart={chart} page={page} pages={pages} total={total} />);
}
