import { createTask } from 'node-cron';
import type { Env } from './config/env.ts';
import type { Db } from './db/client.ts';
import { oldestSubmissionAt } from './db/queries/health.ts';
import { latestJobRun, latestSuccessfulJobRun } from './db/queries/job-runs.ts';
import { BACKUP_JOB } from './jobs/backup.ts';
import { OFFSITE_JOB } from './jobs/offsite.ts';
import { HOUR } from './time.ts';

const intervals = new Map<string, number>();

/** The longest gap (ms) between consecutive runs of a cron schedule (UTC), computed once per schedule. */
export function scheduleInterval(expression: string): number {
  let ms = intervals.get(expression);
  if (ms === undefined) {
    const task = createTask(expression, () => {}, { timezone: 'UTC' });
    const runs = task.getNextRuns(9).map((d) => d.getTime());
    void task.destroy();
    ms = Math.max(...runs.slice(1).map((t, i) => t - runs[i]!));
    intervals.set(expression, ms);
  }
  return ms;
}

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * Backups (throws the reason when degraded): the last run failed or never finished, the newest
 * successful backup is older than twice the schedule's interval (or there is none while memos are
 * older than that), or the last off-site copy failed.
 */
export function checkBackups(db: Db, env: Env, now: number): string {
  const last = latestJobRun(db, BACKUP_JOB);
  if (last?.status === 'failed') throw new Error(`last backup failed: ${last.error ?? 'unknown error'}`);
  // A run still "running" after an hour was cut off (the process died mid-backup).
  if (last?.status === 'running' && now - last.startedAt > HOUR) throw new Error('the last backup never finished');
  const limit = 2 * scheduleInterval(env.backupSchedule);
  const ok = latestSuccessfulJobRun(db, BACKUP_JOB);
  const since = ok?.finishedAt ?? ok?.startedAt;
  if (since !== undefined && now - since > limit) throw new Error(`the newest backup (${iso(since)}) is older than twice the schedule "${env.backupSchedule}"`);
  const oldest = since === undefined ? oldestSubmissionAt(db) : undefined;
  if (oldest !== undefined && now - oldest > limit) throw new Error(`no backup yet, and memos go back to ${iso(oldest)} (schedule "${env.backupSchedule}")`);
  const offsite = env.restic.repository ? latestJobRun(db, OFFSITE_JOB) : undefined;
  if (offsite?.status === 'failed') throw new Error(`last off-site copy failed: ${offsite.error ?? 'unknown error'}`);
  if (since === undefined) return 'no backup yet';
  return `last ok at ${iso(since)}${offsite ? `; off-site ${offsite.status} at ${iso(offsite.startedAt)}` : ''}`;
}
