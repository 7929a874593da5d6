import { and, asc, desc, eq, gte, isNotNull, lt, sql } from 'drizzle-orm';
import * as v from 'valibot';
import type { AttemptRecord } from '../../llm/attempts.ts';
import type { Db } from '../client.ts';
import { calibrationReadings as r, evaluationAttempts, type EvaluationAttempt } from '../schema.ts';

/** Appends one LLM attempt of an evaluation run; `sample` is its reading (0-based) when llm.yaml samples > 1. */
export function insertAttempt(db: Db, evaluationId: number, run: number, a: AttemptRecord, sample = 0): void {
  db.insert(evaluationAttempts)
    .values({
      evaluationId,
      run,
      sample,
      startedAt: a.startedAt,
      finishedAt: a.finishedAt,
      outcome: a.outcome,
      httpStatus: a.httpStatus,
      errorType: a.errorType,
      errorMessage: a.errorMessage,
      requestId: a.requestId,
      model: a.model,
      effort: a.effort,
      maxTokens: a.maxTokens,
      stopReason: a.stopReason,
      refusalCategory: a.refusalCategory,
      retryAfterMs: a.retryAfterMs,
      inputTokens: a.usage.inputTokens,
      outputTokens: a.usage.outputTokens,
      thinkingTokens: a.usage.thinkingTokens,
      cacheReadTokens: a.usage.cacheReadTokens,
      cacheWriteTokens: a.usage.cacheWriteTokens,
      costUsd: a.costUsd,
      problems: a.problems.length ? JSON.stringify(a.problems) : null,
      responseText: a.responseText,
    })
    .run();
}

/** Sums over every attempt of an evaluation, all runs included. */
export interface AttemptTotals {
  attempts: number;
  inputTokens: number;
  outputTokens: number;
  thinkingTokens: number;
  cacheReadTokens: number;
  cacheWriteTokens: number;
  costUsd: number;
}

const a = evaluationAttempts;
const totalsColumns = {
  attempts: sql<number>`count(*)`,
  inputTokens: sql<number>`coalesce(sum(${a.inputTokens}), 0)`,
  outputTokens: sql<number>`coalesce(sum(${a.outputTokens}), 0)`,
  thinkingTokens: sql<number>`coalesce(sum(${a.thinkingTokens}), 0)`,
  cacheReadTokens: sql<number>`coalesce(sum(${a.cacheReadTokens}), 0)`,
  cacheWriteTokens: sql<number>`coalesce(sum(${a.cacheWriteTokens}), 0)`,
  costUsd: sql<number>`coalesce(sum(${a.costUsd}), 0)`,
};

/** Token and cost totals of one evaluation, written onto its row when a run ends. */
export function attemptTotals(db: Db, evaluationId: number): AttemptTotals {
  return db.select(totalsColumns).from(a).where(eq(a.evaluationId, evaluationId)).get()!;
}

/** Token and cost totals of every attempt made since a time (dashboard: today, this month, 7 days). */
export function attemptTotalsSince(db: Db, since: number): AttemptTotals {
  return db.select(totalsColumns).from(a).where(gte(a.startedAt, since)).get()!;
}

/** US dollars spent since a time on evaluation attempts and calibration readings (the budget check: index-only scans). */
export function spendSince(db: Db, since: number): number {
  const evaluations = db.select({ usd: sql<number>`coalesce(sum(${a.costUsd}), 0)` }).from(a).where(gte(a.startedAt, since)).get()!.usd;
  const calibration = db.select({ usd: sql<number>`coalesce(sum(${r.costUsd}), 0)` }).from(r).where(gte(r.startedAt, since)).get()!.usd;
  return evaluations + calibration;
}

/** Every attempt of an evaluation, oldest first, for the admin debug view. */
export function listAttempts(db: Db, evaluationId: number): StoredAttempt[] {
  return db
    .select()
    .from(a)
    .where(eq(a.evaluationId, evaluationId))
    .orderBy(asc(a.id))
    .all()
    .map((row) => ({ ...row, problems: readProblems(row.problems) }));
}

/** An attempt as read back: the server's validation notes as a list (empty when there were none). */
export type StoredAttempt = Omit<EvaluationAttempt, 'problems'> & { problems: string[] };

const Problems = v.array(v.string());

/** The stored notes, checked; a list we cannot read is shown as one note saying so. */
function readProblems(json: string | null): string[] {
  if (json === null) return [];
  try {
    return v.parse(Problems, JSON.parse(json));
  } catch {
    return ['(the stored validation notes could not be read)'];
  }
}

/** Cache use of the most recent answered attempts: did the cached system prompt get read? */
export function recentCacheUse(db: Db, limit: number): { calls: number; cacheRead: number; cacheWrite: number } {
  const recent = db
    .select({ r: a.cacheReadTokens, w: a.cacheWriteTokens })
    .from(a)
    .where(and(eq(a.httpStatus, 200), isNotNull(a.requestId)))
    .orderBy(desc(a.id))
    .limit(limit)
    .as('recent');
  return db.select({ calls: sql<number>`count(*)`, cacheRead: sql<number>`coalesce(sum(${recent.r}), 0)`, cacheWrite: sql<number>`coalesce(sum(${recent.w}), 0)` }).from(recent).get()!;
}

/** Privacy retention: forgets the response texts of attempts made before a time. */
export function pruneAttemptTexts(db: Db, before: number): number {
  return db.update(a).set({ responseText: null }).where(and(lt(a.startedAt, before), isNotNull(a.responseText))).run().changes;
}
