import type { Logger } from 'pino';
import type { Db } from '../db/client.ts';
import { finishJobRun, insertJobRun } from '../db/queries/job-runs.ts';

/** What a recorded job needs: where to record it, where to log it, and the clock. */
export interface JobDeps {
  db: Db;
  log: Logger;
  now: () => number;
}

/**
 * Runs one synchronous job body as a recorded run: a `job_runs` row (running → ok/failed with what it
 * did) and one log line. A failure is logged and recorded, then rethrown so the caller sees it too.
 */
export function recordedRun<T extends object>(d: JobDeps, job: string, message: string, body: () => T): T {
  const id = insertJobRun(d.db, job, d.now());
  try {
    const detail = body();
    finishJobRun(d.db, id, { status: 'ok', finishedAt: d.now(), detail });
    d.log.info({ job, ...(detail as Record<string, unknown>) }, message);
    return detail;
  } catch (err) {
    const error = (err as Error).message;
    finishJobRun(d.db, id, { status: 'failed', finishedAt: d.now(), error });
    d.log.error({ job, err: { message: error } }, `${job} failed`);
    throw err;
  }
}
