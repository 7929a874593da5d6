import type { Db } from '../db/client.ts';
import { untilNextWrite } from '../db/data-version.ts';
import { countAdminEvaluations, findAdminEvaluation, listAdminEvaluations, type AdminEvaluationDetail, type AdminEvaluationRow, type EvaluationFilter, type EvaluationOrder } from '../db/queries/admin-evaluations.ts';
import { listAttempts } from '../db/queries/attempts.ts';
import type { StoredAttempt } from '../db/queries/attempts.ts';
import { findReview, listReviewScores } from '../db/queries/reviews.ts';
import { paginate } from '../http/paginate.ts';
import { mayReview, staffScope, type Staff } from '../reviews/reviews.ts';
import { CorruptResultError, readResultOrError, type EvaluationResult } from './result.ts';
import { readSpread, type ReadingsSpread } from './spread.ts';

/** Rows per page of the admin history. */
export const EVALUATIONS_PAGE_SIZE = 50;

/** One page of the admin history and where it sits. */
export interface EvaluationsPageModel {
  rows: AdminEvaluationRow[];
  total: number;
  page: number;
  pages: number;
  pageSize: number;
}

/** The filter limited to what `user` may see: instructors their assignments' evaluations, admins everything. */
export function scopedFilter(filter: EvaluationFilter, user: Staff): EvaluationFilter {
  const teacherId = staffScope(user);
  return teacherId === undefined ? filter : { ...filter, teacherId };
}

/** The evaluations a filter selects, in order, the page `pageParam` names (past the end: no rows). */
export function listEvaluationsPage(db: Db, filter: EvaluationFilter, order: EvaluationOrder, pageParam: string | undefined): EvaluationsPageModel {
  // Counting and paging 100 000 rows costs more than anything else on the page; unchanged data, same answer.
  return untilNextWrite(db, `admin-evaluations ${JSON.stringify([filter, order, pageParam])}`, () => readEvaluationsPage(db, filter, order, pageParam));
}

function readEvaluationsPage(db: Db, filter: EvaluationFilter, order: EvaluationOrder, pageParam: string | undefined): EvaluationsPageModel {
  const total = countAdminEvaluations(db, filter);
  const { page, pages, limit, offset } = paginate(pageParam, total, EVALUATIONS_PAGE_SIZE);
  const rows = offset < total ? listAdminEvaluations(db, filter, order, { limit, offset }) : [];
  return { rows, total, page, pages, pageSize: EVALUATIONS_PAGE_SIZE };
}

/** Everything the admin detail page shows about one evaluation. */
export interface AdminEvaluationModel {
  ev: AdminEvaluationDetail;
  /** The stored result, when the evaluation is done and its JSON reads. */
  result: EvaluationResult | undefined;
  /** Why a done evaluation's stored result did not read (for the log); the page shows everything else. */
  resultProblem: string | undefined;
  attempts: StoredAttempt[];
  /** How the readings agreed, when llm.yaml samples > 1 combined several (decision 019). */
  spread: ReadingsSpread | undefined;
  /** The instructor's review: note, overrides and (once released) the final result. */
  review: AdminReview | undefined;
}

/** An instructor's review as the admin detail shows it. */
export interface AdminReview {
  note: string;
  reviewerName: string;
  releasedAt: number | null;
  overrides: { criterionId: string; score: number; comment: string }[];
  final: EvaluationResult | undefined;
}

/** The review of an evaluation, if one was saved; a final result that does not read counts as none. */
function reviewOf(db: Db, id: number): AdminReview | undefined {
  const r = findReview(db, id);
  if (!r) return undefined;
  const final = r.finalJson ? readResultOrError(r.finalJson) : undefined;
  return { note: r.note, reviewerName: r.reviewerName, releasedAt: r.releasedAt, overrides: listReviewScores(db, id), final: final instanceof CorruptResultError ? undefined : final };
}

/** A done evaluation's stored result, or why it does not read. */
function storedResult(ev: AdminEvaluationDetail): Pick<AdminEvaluationModel, 'result' | 'resultProblem'> {
  const read = ev.status === 'done' && ev.resultJson ? readResultOrError(ev.resultJson) : undefined;
  return read instanceof CorruptResultError ? { result: undefined, resultProblem: read.problem } : { result: read, resultProblem: undefined };
}

/** One evaluation, whoever wrote it, with its result, review and attempts; undefined when there is none or `user` may not see it. */
export function readAdminEvaluation(db: Db, id: number, user: Staff): AdminEvaluationModel | undefined {
  const ev = findAdminEvaluation(db, id);
  if (!ev || !mayReview(db, ev.assignmentId, user)) return undefined;
  return { ev, ...storedResult(ev), attempts: listAttempts(db, ev.id), spread: readSpread(ev.spreadJson), review: reviewOf(db, ev.id) };
}
