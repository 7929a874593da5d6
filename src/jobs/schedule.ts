import { schedule, type ScheduledTask } from 'node-cron';
import type { Logger } from 'pino';
import type { Env } from '../config/env.ts';
import type { Db } from '../db/client.ts';
import { backupWithOffsiteCopy } from './offsite.ts';
import { pruneLoginFailuresJob, pruneRawTracesJob, pruneSessionsJob } from './prune.ts';

export interface ScheduleDeps {
  db: Db;
  env: Env;
  log: Logger;
  now: () => number;
  /** llm.yaml raw_retention_days, read at each run so a config change applies. */
  rawRetentionDays: () => number;
}

/** Every scheduled job and its cadence, in one place. All times UTC; a run never overlaps itself. */
export function scheduleJobs(d: ScheduleDeps): ScheduledTask[] {
  const opts = (name: string) => ({ name, timezone: 'UTC', noOverlap: true });
  return [
    // Online SQLite backup (BACKUP_SCHEDULE, default Sundays 02:00), keeping BACKUP_RETENTION copies,
    // then the restic off-site copy when BACKUP_RESTIC_REPOSITORY is set.
    schedule(d.env.backupSchedule, () => backupNow(d), opts('backup')),
    // Failed-login records older than a day no longer count for throttling.
    schedule('17 3 * * *', () => pruneLoginFailuresJob(d), opts('prune-login-failures')),
    // Expired sessions, and anonymous writers with no memo and no live session, are deleted.
    schedule('29 3 * * *', () => pruneSessionsJob(d), opts('prune-sessions')),
    // Raw prompts and responses older than the retention (llm.yaml raw_retention_days) are deleted.
    schedule('41 3 * * *', () => pruneRawTracesJob(d, d.rawRetentionDays()), opts('prune-raw-traces')),
  ];
}

/** The backup job body: runs a backup and logs what it did; failures are logged and recorded, never swallowed silently. */
export async function backupNow(d: ScheduleDeps): Promise<void> {
  try {
    const res = await backupWithOffsiteCopy(d.db, d.env, d.now);
    d.log.info({ job: 'backup', file: res.file, bytes: res.bytes, kept: res.kept, removed: res.removed.length }, 'backup done');
    if (res.offsite?.ok === false) d.log.error({ job: 'backup-offsite', err: { message: res.offsite.error } }, 'off-site copy failed');
    else if (res.offsite) d.log.info({ job: 'backup-offsite', snapshot: res.offsite.snapshot, removed: res.offsite.removed }, 'off-site copy done');
  } catch (err) {
    d.log.error({ job: 'backup', err: { message: (err as Error).message } }, 'backup failed');
  }
}
