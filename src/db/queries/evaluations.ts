import { and, asc, avg, count, eq, gt, isNotNull, isNull, lt, lte, min, or, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { preparedQuery } from '../prepared.ts';
import { evaluations, reviews, submissions, type Evaluation } from '../schema.ts';
import { attemptTotals } from './attempts.ts';
import { releaseColumns, reviewJoin, type ReleaseRow } from './reviews.ts';

/** What the student's evaluation page shows (its scores only through studentResult). */
export interface EvaluationView extends ReleaseRow {
  id: number;
  status: Evaluation['status'];
  submissionId: number;
  writerId: string;
  memo: string;
  /** The submission this one revises, if any. */
  parentId: number | null;
  provider: string | null;
  /** How many readings (llm.yaml samples) the AI result combines, and their spread (JSON, read by readSpread). */
  samples: number;
  spreadJson: string | null;
  /** The current run's streamed criteria, shown only through studentPartial. */
  partialJson: string | null;
  errorKind: string | null;
  /** The instructor's note, once a review was saved (shown with a released result). */
  reviewNote: string | null;
  /** Set while the evaluation waits for a rate-limited or overloaded provider. */
  notBefore: number | null;
  queuedAt: number;
  startedAt: number | null;
  finishedAt: number | null;
  createdAt: number;
}

/** True when the evaluation belongs to the writer and is still queued or running (its page polls). */
export function isWriterEvaluationPending(db: Db, id: number, writerId: string): boolean {
  const row = writerEvaluationStatus(db).get({ id, writerId });
  return row?.status === 'queued' || row?.status === 'running';
}

const writerEvaluationStatus = preparedQuery((db) =>
  db
    .select({ status: evaluations.status })
    .from(evaluations)
    .innerJoin(submissions, eq(submissions.id, evaluations.submissionId))
    .where(and(eq(evaluations.id, sql.placeholder('id')), eq(submissions.writerId, sql.placeholder('writerId'))))
    .prepare(),
);

/** One evaluation with its memo, only if it belongs to the writer; otherwise undefined. */
export function findWriterEvaluation(db: Db, id: number, writerId: string): EvaluationView | undefined {
  return db
    .select({
      id: evaluations.id,
      status: evaluations.status,
      submissionId: submissions.id,
      writerId: submissions.writerId,
      memo: submissions.text,
      parentId: submissions.parentId,
      provider: evaluations.provider,
      overall: evaluations.overall,
      band: evaluations.band,
      resultJson: evaluations.resultJson,
      samples: evaluations.samples,
      spreadJson: evaluations.spreadJson,
      partialJson: evaluations.partialJson,
      ...releaseColumns,
      reviewNote: reviews.note,
      errorKind: evaluations.errorKind,
      notBefore: evaluations.notBefore,
      queuedAt: evaluations.queuedAt,
      startedAt: evaluations.startedAt,
      finishedAt: evaluations.finishedAt,
      createdAt: evaluations.createdAt,
    })
    .from(evaluations)
    .innerJoin(submissions, eq(submissions.id, evaluations.submissionId))
    .leftJoin(reviews, reviewJoin)
    .where(and(eq(evaluations.id, id), eq(submissions.writerId, writerId)))
    .get();
}

/** 1-based place in the FIFO queue of a queued evaluation (evaluations ahead of it + 1). */
export function queuePosition(db: Db, id: number): number {
  const row = db.select({ n: count() }).from(evaluations).where(and(eq(evaluations.status, 'queued'), lte(evaluations.id, id))).get();
  return row?.n ?? 1;
}

/** Mean run time of the last 20 finished evaluations, for the progress bar; undefined before any. */
export function recentAverageDurationMs(db: Db): number | undefined {
  const recent = db
    .select({ d: sql<number>`${evaluations.finishedAt} - ${evaluations.startedAt}`.as('d') })
    .from(evaluations)
    .where(and(eq(evaluations.status, 'done'), isNotNull(evaluations.startedAt)))
    .orderBy(sql`${evaluations.id} desc`)
    .limit(20)
    .as('recent');
  const row = db.select({ mean: avg(recent.d) }).from(recent).get();
  return row?.mean == null ? undefined : Number(row.mean);
}

/** A job the worker has claimed: the evaluation, its memo, and the run it is on. */
export interface ClaimedJob {
  id: number;
  memo: string;
  /** 1 for the first run; Try again and provider requeues add one. */
  run: number;
  queuedAt: number;
  /** When this run first started: the total timeout counts from here across provider requeues. */
  firstStartedAt: number;
  /** The memo's assignment (its brief and pinned config); null only on rows older than assignments. */
  assignmentId: number | null;
}

const claimable = (now: number) => and(eq(evaluations.status, 'queued'), or(isNull(evaluations.notBefore), lte(evaluations.notBefore, now)));

/** Atomically moves the oldest claimable queued evaluation to running; undefined when there is none. */
export function claimNextQueued(db: Db, now: number): ClaimedJob | undefined {
  return db.transaction((tx) => {
    const next = tx
      .select({ id: evaluations.id, memo: submissions.text, assignmentId: submissions.assignmentId, runs: evaluations.runs, queuedAt: evaluations.queuedAt, firstStartedAt: evaluations.firstStartedAt })
      .from(evaluations)
      .innerJoin(submissions, eq(submissions.id, evaluations.submissionId))
      .where(claimable(now))
      .orderBy(asc(evaluations.id))
      .limit(1)
      .get();
    if (!next) return undefined;
    const firstStartedAt = next.firstStartedAt ?? now;
    tx.update(evaluations)
      .set({ status: 'running', startedAt: now, firstStartedAt, notBefore: null, runs: sql`${evaluations.runs} + 1` })
      .where(eq(evaluations.id, next.id))
      .run();
    return { id: next.id, memo: next.memo, run: next.runs + 1, queuedAt: next.queuedAt, firstStartedAt, assignmentId: next.assignmentId };
  });
}

/** The earliest time a deferred evaluation becomes claimable, if any waits (for the queue's wake-up). */
export function nextNotBefore(db: Db, now: number): number | undefined {
  const row = db.select({ t: min(evaluations.notBefore) }).from(evaluations).where(and(eq(evaluations.status, 'queued'), gt(evaluations.notBefore, now))).get();
  return row?.t ?? undefined;
}

/** The provider said "not now": back to the queue, claimable again from `notBefore`, its place kept. */
export function deferEvaluation(db: Db, id: number, notBefore: number): void {
  db.update(evaluations).set({ status: 'queued', startedAt: null, notBefore, partialJson: null }).where(and(eq(evaluations.id, id), eq(evaluations.status, 'running'))).run();
}

/** After a crash or restart: evaluations left running go back to the queue. Returns how many. */
export function requeueRunning(db: Db): number {
  return db.update(evaluations).set({ status: 'queued', startedAt: null, firstStartedAt: null, partialJson: null }).where(eq(evaluations.status, 'running')).run().changes;
}

/** Puts one running evaluation back in the queue (shutdown before it finished). */
export function requeueEvaluation(db: Db, id: number): void {
  db.update(evaluations).set({ status: 'queued', startedAt: null, firstStartedAt: null, partialJson: null }).where(and(eq(evaluations.id, id), eq(evaluations.status, 'running'))).run();
}

/** Fields written when a run ends, successfully or not. */
export type FinishedFields = Pick<
  Evaluation,
  | 'status' | 'provider' | 'model' | 'rubricVersion' | 'promptVersion' | 'llmVersion' | 'overall' | 'band' | 'resultJson' | 'samples' | 'spreadJson'
  | 'rawPrompt' | 'rawResponse' | 'latencyMs' | 'errorKind' | 'errorMessage' | 'finishedAt'
>;

/** Records the outcome of a running evaluation, with token and cost totals over all its attempts. */
export function finishEvaluation(db: Db, id: number, f: FinishedFields): void {
  // Synchronous read then write: no other writer of this row can run in between.
  const t = attemptTotals(db, id);
  db.update(evaluations).set({ ...f, ...t, partialJson: null }).where(and(eq(evaluations.id, id), eq(evaluations.status, 'running'))).run();
}

/** The current run's streamed criteria (JSON, see src/evaluations/partial.ts), or null to forget them; running rows only. */
export function savePartialCriteria(db: Db, id: number, partialJson: string | null): void {
  db.update(evaluations).set({ partialJson }).where(and(eq(evaluations.id, id), eq(evaluations.status, 'running'))).run();
}

/** Records the time from submission to the first criterion saved, once per evaluation; returns it when it was just recorded. */
export function recordFirstFeedback(db: Db, id: number, now: number): number | undefined {
  const row = db
    .update(evaluations)
    .set({ firstFeedbackMs: sql`${now} - ${evaluations.createdAt}` })
    .where(and(eq(evaluations.id, id), isNull(evaluations.firstFeedbackMs)))
    .returning({ ms: evaluations.firstFeedbackMs })
    .get();
  return row?.ms ?? undefined;
}

/** Sends a failed evaluation back to the queue; false when it isn't failed. */
export function retryFailedEvaluation(db: Db, id: number, now: number): boolean {
  const res = db
    .update(evaluations)
    .set({ status: 'queued', queuedAt: now, startedAt: null, firstStartedAt: null, notBefore: null, finishedAt: null, errorKind: null, errorMessage: null })
    .where(and(eq(evaluations.id, id), eq(evaluations.status, 'failed')))
    .run();
  return res.changes === 1;
}

/** Privacy retention: forgets the raw prompt and response of evaluations finished before a time. */
export function pruneRawTraces(db: Db, finishedBefore: number): number {
  return db
    .update(evaluations)
    .set({ rawPrompt: null, rawResponse: null })
    .where(and(lt(evaluations.finishedAt, finishedBefore), or(isNotNull(evaluations.rawPrompt), isNotNull(evaluations.rawResponse))))
    .run().changes;
}
