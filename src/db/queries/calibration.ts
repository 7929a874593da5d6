import { and, count, desc, eq, inArray, isNotNull, isNull, lt, sql } from 'drizzle-orm';
import * as v from 'valibot';
import type { Db } from '../client.ts';
import { assignments, calibrationReadings, calibrationRuns, type CalibrationRun } from '../schema.ts';
import { teaches } from './assignments.ts';

export type NewCalibrationRun = typeof calibrationRuns.$inferInsert;
export type NewCalibrationReading = typeof calibrationReadings.$inferInsert;

/** Statuses of a run that is still going. */
const ACTIVE = ['queued', 'running'] as const;

/** Stores a new run; returns its id. */
export function insertCalibrationRun(db: Db, run: NewCalibrationRun): number {
  return db.insert(calibrationRuns).values(run).returning({ id: calibrationRuns.id }).get().id;
}

/** One run, or undefined. */
export function findCalibrationRun(db: Db, id: number): CalibrationRun | undefined {
  return db.select().from(calibrationRuns).where(eq(calibrationRuns.id, id)).get();
}

/** A queued or running run of this assignment with exactly these config hashes (a second one would measure the same thing). */
export function findActiveCalibrationRun(db: Db, assignmentId: number, v: { rubric: string; prompt: string; llm: string }): number | undefined {
  return db
    .select({ id: calibrationRuns.id })
    .from(calibrationRuns)
    .where(and(eq(calibrationRuns.assignmentId, assignmentId), inArray(calibrationRuns.status, ACTIVE), eq(calibrationRuns.rubricVersion, v.rubric), eq(calibrationRuns.promptVersion, v.prompt), eq(calibrationRuns.llmVersion, v.llm)))
    .get()?.id;
}

/** Marks a queued run as running. */
export function markCalibrationRunning(db: Db, id: number): void {
  db.update(calibrationRuns).set({ status: 'running' }).where(eq(calibrationRuns.id, id)).run();
}

/** Stores one reading. */
export function insertCalibrationReading(db: Db, r: NewCalibrationReading): void {
  db.insert(calibrationReadings).values(r).run();
}

/** Counts one more finished reading on its run. */
export function bumpCalibrationProgress(db: Db, id: number): void {
  db.update(calibrationRuns).set({ readingsDone: sql`${calibrationRuns.readingsDone} + 1` }).where(eq(calibrationRuns.id, id)).run();
}

/** Sets a run's progress (a batch's finished requests, before its readings are stored). */
export function setCalibrationProgress(db: Db, id: number, done: number): void {
  db.update(calibrationRuns).set({ readingsDone: done }).where(eq(calibrationRuns.id, id)).run();
}

/** The totals a finished run keeps. */
export interface CalibrationTotalsRow {
  hitRate: number | null;
  meanDistance: number | null;
  meanSpread: number | null;
  worstSpread: number | null;
  costUsd: number;
}

/** Marks a run done with its totals. */
export function finishCalibrationRun(db: Db, id: number, t: CalibrationTotalsRow, now: number): void {
  db.update(calibrationRuns).set({ ...t, status: 'done', finishedAt: now }).where(eq(calibrationRuns.id, id)).run();
}

/** Marks a run failed with the reason, keeping what its readings cost. */
export function failCalibrationRun(db: Db, id: number, error: string, costUsd: number, now: number): void {
  db.update(calibrationRuns).set({ status: 'failed', error, costUsd, finishedAt: now }).where(eq(calibrationRuns.id, id)).run();
}

/** At start-up: runs left queued or running by a process that stopped are marked failed; returns how many. */
export function failInterruptedCalibrationRuns(db: Db, now: number): number {
  return db.update(calibrationRuns).set({ status: 'failed', error: 'interrupted by a restart', finishedAt: now }).where(inArray(calibrationRuns.status, ACTIVE)).run().changes;
}

const Scores = v.record(v.string(), v.number());

/** A stored reading with its scores parsed (null when it failed or the stored JSON is unreadable). */
export interface StoredReading {
  anchorId: string;
  sample: number;
  status: 'done' | 'failed';
  scores: Record<string, number> | null;
  overall: number | null;
  errorKind: string | null;
  errorMessage: string | null;
  attempts: number;
  costUsd: number;
  latencyMs: number | null;
}

function parseScores(json: string | null): Record<string, number> | null {
  if (json === null) return null;
  try {
    const parsed = v.safeParse(Scores, JSON.parse(json));
    return parsed.success ? parsed.output : null;
  } catch {
    return null;
  }
}

/** Every reading of a run, by anchor and sample. */
export function listCalibrationReadings(db: Db, runId: number): StoredReading[] {
  const rows = db
    .select({ anchorId: calibrationReadings.anchorId, sample: calibrationReadings.sample, status: calibrationReadings.status, scoresJson: calibrationReadings.scoresJson, overall: calibrationReadings.overall, errorKind: calibrationReadings.errorKind, errorMessage: calibrationReadings.errorMessage, attempts: calibrationReadings.attempts, costUsd: calibrationReadings.costUsd, latencyMs: calibrationReadings.latencyMs })
    .from(calibrationReadings)
    .where(eq(calibrationReadings.runId, runId))
    .orderBy(calibrationReadings.anchorId, calibrationReadings.sample)
    .all();
  return rows.map(({ scoresJson, ...r }) => ({ ...r, scores: parseScores(scoresJson) }));
}

/** Who may see which runs: everyone's (admins) or the published-config runs of the assignments an instructor teaches (drafts are admins'). */
export type RunScope = { all: true } | { all: false; userId: string };

function scopeWhere(db: Db, scope: RunScope) {
  return scope.all ? undefined : and(teaches(db, scope.userId), isNull(calibrationRuns.draftName));
}

/** Number of runs in scope. */
export function countCalibrationRuns(db: Db, scope: RunScope): number {
  return db.select({ n: count() }).from(calibrationRuns).innerJoin(assignments, eq(assignments.id, calibrationRuns.assignmentId)).where(scopeWhere(db, scope)).get()?.n ?? 0;
}

export type CalibrationRunListRow = CalibrationRun & { assignmentTitle: string; assignmentSlug: string };

/** One page of runs in scope, newest first, with their assignment's title. */
export function listCalibrationRuns(db: Db, scope: RunScope, limit: number, offset: number): CalibrationRunListRow[] {
  return db
    .select({ run: calibrationRuns, title: assignments.title, slug: assignments.slug })
    .from(calibrationRuns)
    .innerJoin(assignments, eq(assignments.id, calibrationRuns.assignmentId))
    .where(scopeWhere(db, scope))
    .orderBy(desc(calibrationRuns.id))
    .limit(limit)
    .offset(offset)
    .all()
    .map((r) => ({ ...r.run, assignmentTitle: r.title, assignmentSlug: r.slug }));
}

/** Retention (llm.yaml raw_retention_days): forgets the raw responses of readings finished before a time; returns how many. */
export function pruneCalibrationResponses(db: Db, finishedBefore: number): number {
  return db.update(calibrationReadings).set({ rawResponse: null }).where(and(lt(calibrationReadings.finishedAt, finishedBefore), isNotNull(calibrationReadings.rawResponse))).run().changes;
}
