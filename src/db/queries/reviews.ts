import { and, asc, eq, isNull, ne, or, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { assignments, evaluations, flags, reviewScores, reviews, submissions, users, type ReleaseState } from '../schema.ts';
import { teaches } from './assignments.ts';

/**
 * The columns that decide what a student sees (with `.leftJoin(reviews, reviewJoin)`); read them
 * only through `studentShown` / `studentResult` in src/evaluations/student-result.ts.
 */
export const releaseColumns = {
  release: evaluations.release,
  finalJson: reviews.finalJson,
  finalOverall: reviews.finalOverall,
  finalBand: reviews.finalBand,
};

/** An evaluation's AI columns with its release state and its review's final result: what `studentShown` decides from. */
export interface ReleaseRow {
  release: ReleaseState;
  overall: number | null;
  band: string | null;
  resultJson: string | null;
  finalJson: string | null;
  finalOverall: number | null;
  finalBand: string | null;
}

/** Join condition of an evaluation's review (none before an instructor saved one). */
export const reviewJoin = eq(reviews.evaluationId, evaluations.id);

/** An open flag on the evaluation (not yet answered). */
const openFlag = sql`exists (select 1 from ${flags} where ${flags.evaluationId} = ${evaluations.id} and ${flags.resolvedAt} is null)`;

/** One line of the review queue. */
export interface ReviewQueueRow {
  id: number;
  release: ReleaseState;
  assignmentTitle: string | null;
  writerId: string;
  username: string | null;
  createdAt: number;
  overall: number | null;
  /** The newest open flag's reason, if the student flagged the result. */
  flagReason: string | null;
}

/** Done evaluations awaiting release or with an open flag, oldest first; `teacherId` limits them to that instructor's assignments. */
export function listReviewQueue(db: Db, teacherId: string | undefined): ReviewQueueRow[] {
  const waiting = and(eq(evaluations.status, 'done'), or(eq(evaluations.release, 'pending'), openFlag));
  return db
    .select({
      id: evaluations.id,
      release: evaluations.release,
      assignmentTitle: assignments.title,
      writerId: submissions.writerId,
      username: users.username,
      createdAt: evaluations.createdAt,
      overall: evaluations.overall,
      flagReason: sql<string | null>`(select ${flags.reason} from ${flags} where ${flags.evaluationId} = ${evaluations.id} and ${flags.resolvedAt} is null order by ${flags.id} desc limit 1)`,
    })
    .from(evaluations)
    .innerJoin(submissions, eq(submissions.id, evaluations.submissionId))
    .innerJoin(users, eq(users.id, submissions.writerId))
    .leftJoin(assignments, eq(assignments.id, submissions.assignmentId))
    .where(teacherId === undefined ? waiting : and(waiting, teaches(db, teacherId)))
    .orderBy(asc(evaluations.createdAt), asc(evaluations.id))
    .all();
}

/** What the review form needs of one evaluation. */
export interface ReviewEvaluation {
  id: number;
  status: 'queued' | 'running' | 'done' | 'failed';
  release: ReleaseState;
  assignmentId: number | null;
  assignmentTitle: string | null;
  writerId: string;
  username: string | null;
  memo: string;
  resultJson: string | null;
  rubricVersion: string | null;
  createdAt: number;
}

/** One evaluation with its memo, writer and assignment, for the review form; undefined when there is none. */
export function findReviewEvaluation(db: Db, id: number): ReviewEvaluation | undefined {
  return db
    .select({
      id: evaluations.id,
      status: evaluations.status,
      release: evaluations.release,
      assignmentId: submissions.assignmentId,
      assignmentTitle: assignments.title,
      writerId: submissions.writerId,
      username: users.username,
      memo: submissions.text,
      resultJson: evaluations.resultJson,
      rubricVersion: evaluations.rubricVersion,
      createdAt: evaluations.createdAt,
    })
    .from(evaluations)
    .innerJoin(submissions, eq(submissions.id, evaluations.submissionId))
    .innerJoin(users, eq(users.id, submissions.writerId))
    .leftJoin(assignments, eq(assignments.id, submissions.assignmentId))
    .where(eq(evaluations.id, id))
    .get();
}

/** The assignment an evaluation's memo answers (null for rows older than assignments); undefined when there is no such evaluation. */
export function evaluationAssignmentId(db: Db, id: number): { assignmentId: number | null } | undefined {
  return db.select({ assignmentId: submissions.assignmentId }).from(evaluations).innerJoin(submissions, eq(submissions.id, evaluations.submissionId)).where(eq(evaluations.id, id)).get();
}

/** The review of an evaluation (note, reviewer, final result), or undefined before one was saved. */
export function findReview(db: Db, evaluationId: number): typeof reviews.$inferSelect | undefined {
  return db.select().from(reviews).where(eq(reviews.evaluationId, evaluationId)).get();
}

/** An instructor's saved criterion scores and comments for one evaluation. */
export function listReviewScores(db: Db, evaluationId: number): { criterionId: string; score: number; comment: string }[] {
  return db.select({ criterionId: reviewScores.criterionId, score: reviewScores.score, comment: reviewScores.comment }).from(reviewScores).where(eq(reviewScores.evaluationId, evaluationId)).all();
}

/** Creates or updates an evaluation's review (note and reviewer); the final result is left as it was. */
export function upsertReview(db: Db, r: { evaluationId: number; note: string; reviewerId: string | null; reviewerName: string; now: number }): void {
  const values = { note: r.note, reviewerId: r.reviewerId, reviewerName: r.reviewerName, updatedAt: r.now };
  db.insert(reviews).values({ evaluationId: r.evaluationId, ...values }).onConflictDoUpdate({ target: reviews.evaluationId, set: values }).run();
}

/** Replaces an evaluation's saved overrides with `scores` (one statement each way, in the caller's transaction). */
export function replaceReviewScores(db: Db, evaluationId: number, scores: { criterionId: string; score: number; comment: string }[]): void {
  db.delete(reviewScores).where(eq(reviewScores.evaluationId, evaluationId)).run();
  if (scores.length) db.insert(reviewScores).values(scores.map((s) => ({ evaluationId, ...s }))).run();
}

/** Stores the released final result on the review. */
export function storeFinalResult(db: Db, evaluationId: number, f: { json: string; overall: number; band: string; now: number }): void {
  db.update(reviews).set({ finalJson: f.json, finalOverall: f.overall, finalBand: f.band, releasedAt: f.now }).where(eq(reviews.evaluationId, evaluationId)).run();
}

/** Marks a done evaluation's result released to its writer. */
export function markReleased(db: Db, evaluationId: number): void {
  db.update(evaluations).set({ release: 'released' }).where(and(eq(evaluations.id, evaluationId), eq(evaluations.status, 'done'), ne(evaluations.release, 'released'))).run();
}

/** Resolves every open flag of an evaluation; returns how many. */
export function resolveOpenFlags(db: Db, evaluationId: number, by: string, now: number): number {
  return db.update(flags).set({ resolvedAt: now, resolvedBy: by }).where(and(eq(flags.evaluationId, evaluationId), isNull(flags.resolvedAt))).run().changes;
}
