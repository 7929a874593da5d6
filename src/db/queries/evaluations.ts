import { and, asc, avg, count, eq, isNotNull, lt, lte, or, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { evaluations, submissions, type Evaluation } from '../schema.ts';

/** What the student's evaluation page shows. */
export interface EvaluationView {
  id: number;
  status: Evaluation['status'];
  submissionId: number;
  writerId: string;
  memo: string;
  /** The submission this one revises, if any. */
  parentId: number | null;
  provider: string | null;
  resultJson: string | null;
  errorKind: string | null;
  queuedAt: number;
  startedAt: number | null;
  finishedAt: number | null;
  createdAt: number;
}

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
      resultJson: evaluations.resultJson,
      errorKind: evaluations.errorKind,
      queuedAt: evaluations.queuedAt,
      startedAt: evaluations.startedAt,
      finishedAt: evaluations.finishedAt,
      createdAt: evaluations.createdAt,
    })
    .from(evaluations)
    .innerJoin(submissions, eq(submissions.id, evaluations.submissionId))
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

/** A job the worker has claimed: the evaluation id and the memo it must evaluate. */
export interface ClaimedJob {
  id: number;
  memo: string;
}

/** Atomically moves the oldest queued evaluation to running; undefined when the queue is empty. */
export function claimNextQueued(db: Db, now: number): ClaimedJob | undefined {
  return db.transaction((tx) => {
    const next = tx
      .select({ id: evaluations.id, memo: submissions.text })
      .from(evaluations)
      .innerJoin(submissions, eq(submissions.id, evaluations.submissionId))
      .where(eq(evaluations.status, 'queued'))
      .orderBy(asc(evaluations.id))
      .limit(1)
      .get();
    if (!next) return undefined;
    tx.update(evaluations)
      .set({ status: 'running', startedAt: now, runs: sql`${evaluations.runs} + 1` })
      .where(eq(evaluations.id, next.id))
      .run();
    return next;
  });
}

/** After a crash or restart: evaluations left running go back to the queue. Returns how many. */
export function requeueRunning(db: Db): number {
  return db.update(evaluations).set({ status: 'queued', startedAt: null }).where(eq(evaluations.status, 'running')).run().changes;
}

/** Puts one running evaluation back in the queue (shutdown before it finished). */
export function requeueEvaluation(db: Db, id: number): void {
  db.update(evaluations).set({ status: 'queued', startedAt: null }).where(and(eq(evaluations.id, id), eq(evaluations.status, 'running'))).run();
}

/** Fields written when a run ends, successfully or not. */
export type FinishedFields = Pick<
  Evaluation,
  | 'status' | 'provider' | 'model' | 'rubricVersion' | 'promptVersion' | 'llmVersion' | 'overall' | 'band' | 'resultJson'
  | 'rawPrompt' | 'rawResponse' | 'inputTokens' | 'outputTokens' | 'cacheReadTokens' | 'cacheWriteTokens'
  | 'latencyMs' | 'attempts' | 'errorKind' | 'errorMessage' | 'finishedAt'
>;

/** Records the outcome of a running evaluation. */
export function finishEvaluation(db: Db, id: number, f: FinishedFields): void {
  db.update(evaluations).set(f).where(and(eq(evaluations.id, id), eq(evaluations.status, 'running'))).run();
}

/** Sends a failed evaluation back to the queue; false when it isn't failed. */
export function retryFailedEvaluation(db: Db, id: number, now: number): boolean {
  const res = db
    .update(evaluations)
    .set({ status: 'queued', queuedAt: now, startedAt: null, finishedAt: null, errorKind: null, errorMessage: null })
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
