import type { Rubric } from '../config/schemas.ts';
import type { Db } from '../db/client.ts';
import { countWriterSubmissions, listWriterHistory, writerProgress, type HistoryRow } from '../db/queries/history.ts';
import { paginate } from '../http/paginate.ts';
import type { HistoryEntry, HistoryPageProps } from '../views/pages/history.tsx';
import type { ProgressChartProps } from '../views/partials/progress-chart.tsx';
import { criterionScores, readResult } from './result.ts';
import { studentShown } from './student-result.ts';

/** Memos per history page. */
export const HISTORY_PAGE_SIZE = 20;
/** Points on the progress chart (the newest finished evaluations). */
const CHART_POINTS = 30;
/** Characters of a memo's start shown in its history row. */
const EXCERPT_CHARS = 80;

/** A writer's history page: what the page shows (one page of entries, the criteria, the chart) and its page size. */
export type HistoryModel = Omit<HistoryPageProps, 'ctx'> & { pageSize: number };

const scoresOf = (resultJson: string | null): Record<string, number> => (resultJson ? criterionScores(readResult(resultJson)) : {});

// The history JSON has always carried resultJson and memoStart; the scores are only what studentShown lets through.
function entry(r: HistoryRow): HistoryEntry {
  const excerpt = r.memoStart.replace(/\s+/g, ' ').trim();
  const shown = studentShown(r);
  const row = { submissionId: r.submissionId, evaluationId: r.evaluationId, createdAt: r.createdAt, status: r.status, memoStart: r.memoStart, parentId: r.parentId };
  return { ...row, ...shown, scores: scoresOf(shown.resultJson), excerpt: excerpt.length > EXCERPT_CHARS ? `${excerpt.slice(0, EXCERPT_CHARS)}…` : excerpt, isRevision: r.parentId !== null };
}

/** The chart of the writer's newest finished evaluations; undefined before the first. */
function progressChart(db: Db, writerId: string, rubric: Rubric, criteria: HistoryModel['criteria']): ProgressChartProps | undefined {
  const progress = writerProgress(db, writerId, CHART_POINTS);
  const points = progress.flatMap((p) => {
    const shown = studentShown(p);
    return shown.overall === null ? [] : [{ evaluationId: p.evaluationId, createdAt: p.createdAt, overall: shown.overall, scores: scoresOf(shown.resultJson) }];
  });
  return points.length ? { points, criteria, scale: rubric.scale } : undefined;
}

/**
 * The writer's own submissions (newest first, one page) and progress chart; an empty history when
 * there is no writer yet. Throws CorruptResultError when a stored result does not read.
 */
export function readHistory(db: Db, writerId: string | undefined, rubric: Rubric, pageParam: string | undefined): HistoryModel {
  const criteria = rubric.criteria.map((x) => ({ id: x.id, name: x.name }));
  const total = writerId ? countWriterSubmissions(db, writerId) : 0;
  const { page, pages, limit, offset } = paginate(pageParam, total, HISTORY_PAGE_SIZE);
  const entries = writerId ? listWriterHistory(db, writerId, limit, offset).map(entry) : [];
  const chart = writerId ? progressChart(db, writerId, rubric, criteria) : undefined;
  return { entries, criteria, chart, page, pages, total, pageSize: HISTORY_PAGE_SIZE };
}
