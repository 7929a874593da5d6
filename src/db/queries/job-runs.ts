import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { jobRuns, type JobRun } from '../schema.ts';

/** Records the start of a job run; returns its id. */
export function insertJobRun(db: Db, job: string, now: number): number {
  return db.insert(jobRuns).values({ job, status: 'running', startedAt: now }).returning({ id: jobRuns.id }).get().id;
}

/** Records how a job run ended. */
export function finishJobRun(db: Db, id: number, f: { status: 'ok' | 'failed'; finishedAt: number; detail?: unknown; error?: string }): void {
  db.update(jobRuns)
    .set({ status: f.status, finishedAt: f.finishedAt, detail: f.detail === undefined ? null : JSON.stringify(f.detail), error: f.error ?? null })
    .where(eq(jobRuns.id, id))
    .run();
}

/** At start-up: runs left "running" by a process that died (or came with a restored backup) are marked failed. */
export function failInterruptedJobRuns(db: Db, now: number): number {
  return db.update(jobRuns).set({ status: 'failed', finishedAt: now, error: 'interrupted: the process stopped during the run' }).where(eq(jobRuns.status, 'running')).run().changes;
}

/** The newest run of a job, or undefined. */
export function latestJobRun(db: Db, job: string): JobRun | undefined {
  return db.select().from(jobRuns).where(eq(jobRuns.job, job)).orderBy(desc(jobRuns.id)).limit(1).get();
}

/** The newest successful run of a job, or undefined. */
export function latestSuccessfulJobRun(db: Db, job: string): JobRun | undefined {
  return db.select().from(jobRuns).where(and(eq(jobRuns.job, job), eq(jobRuns.status, 'ok'))).orderBy(desc(jobRuns.id)).limit(1).get();
}

/** A run as the console shows it: what it did as an object (null while running or after a failure). */
export type StoredJobRun = Omit<JobRun, 'detail'> & { detail: Record<string, unknown> | null };

function readDetail(run: JobRun): StoredJobRun {
  let detail: unknown = null;
  try {
    detail = run.detail === null ? null : JSON.parse(run.detail);
  } catch {
    detail = { unreadable: run.detail };
  }
  return { ...run, detail: detail !== null && typeof detail === 'object' && !Array.isArray(detail) ? (detail as Record<string, unknown>) : null };
}

/** Recent runs of a job, newest first. */
export function listJobRuns(db: Db, job: string, limit: number): StoredJobRun[] {
  return db.select().from(jobRuns).where(eq(jobRuns.job, job)).orderBy(desc(jobRuns.id)).limit(limit).all().map(readDetail);
}

/** The newest run of each of `jobs`, in that order (null for a job that has never run). */
export function latestRunOfEach(db: Db, jobs: readonly string[]): { job: string; run: StoredJobRun | null }[] {
  return jobs.map((job) => {
    const run = latestJobRun(db, job);
    return { job, run: run ? readDetail(run) : null };
  });
}
