import { pruneSessions } from '../auth/sessions.ts';
import { pruneAttemptTexts } from '../db/queries/attempts.ts';
import { pruneCalibrationResponses } from '../db/queries/calibration.ts';
import { pruneRawTraces } from '../db/queries/evaluations.ts';
import { pruneLoginFailures } from '../db/queries/login-failures.ts';
import { DAY } from '../time.ts';
import { recordedRun, type JobDeps } from './job-run.ts';

/** The maintenance jobs, as named in job_runs and in the schedule. */
export const MAINTENANCE_JOBS = ['prune-login-failures', 'prune-sessions', 'prune-raw-traces'] as const;

/** Failed-login records older than a day no longer count for throttling: deletes them. */
export function pruneLoginFailuresJob(d: JobDeps): { removed: number } {
  return recordedRun(d, 'prune-login-failures', 'pruned old failed-login records', () => ({
    removed: pruneLoginFailures(d.db, d.now() - DAY),
  }));
}

/** Deletes expired sessions, and anonymous writers with no memo and no live session. */
export function pruneSessionsJob(d: JobDeps): ReturnType<typeof pruneSessions> {
  return recordedRun(d, 'prune-sessions', 'deleted expired sessions and empty anonymous writers', () => pruneSessions(d.db, d.now()));
}

/** Deletes raw prompts and responses (evaluations, attempts, calibration readings) older than `days` (llm.yaml raw_retention_days). */
export function pruneRawTracesJob(d: JobDeps, days: number): { days: number; pruned: number; attempts: number; calibrationReadings: number } {
  return recordedRun(d, 'prune-raw-traces', 'deleted raw prompts and responses past retention', () => {
    const before = d.now() - days * DAY;
    return { days, pruned: pruneRawTraces(d.db, before), attempts: pruneAttemptTexts(d.db, before), calibrationReadings: pruneCalibrationResponses(d.db, before) };
  });
}
