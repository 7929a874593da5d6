import { spawn } from 'node:child_process';
import type { Env } from '../config/env.ts';
import type { Db } from '../db/client.ts';
import { finishJobRun, insertJobRun } from '../db/queries/job-runs.ts';
import { backupDir, runBackup, type BackupResult } from './backup.ts';
import { MINUTE } from '../time.ts';

/** job_runs name of the off-site copy that follows each backup. */
export const OFFSITE_JOB = 'backup-offsite';
/** restic tag on every snapshot this app makes; retention only touches these. */
export const RESTIC_TAG = 'memoai';
/** An unreachable repository must not hold the backup job forever. */
const RESTIC_TIMEOUT_MS = 30 * MINUTE;

export interface OffsiteOptions {
  restic: Env['restic'];
  /** Folder holding the sealed backup, and its file name. */
  dir: string;
  file: string;
  retention: number;
  now: () => number;
  progress?: (message: string) => void;
}

/** Runs `restic ARGS` against the configured repository; resolves with stdout, rejects with stderr's last line. */
export function restic(cfg: Env['restic'], args: string[], cwd?: string): Promise<string> {
  // The child inherits the environment, so restic's own variables (AWS_*, B2_*, …) reach it.
  const env = { ...process.env, RESTIC_REPOSITORY: cfg.repository, ...(cfg.passwordFile ? { RESTIC_PASSWORD_FILE: cfg.passwordFile, RESTIC_PASSWORD: '' } : { RESTIC_PASSWORD: cfg.password }) };
  return new Promise((resolve, reject) => {
    const child = spawn('restic', ['--no-cache', ...args], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], timeout: RESTIC_TIMEOUT_MS });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += String(d)));
    child.stderr.on('data', (d) => (err += String(d)));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (code === 0) resolve(out);
      else reject(new Error(`restic ${args[0]}: ${err.trim().split('\n')[0] || `exit ${code ?? signal}`}`));
    });
  });
}

/**
 * Copies one sealed backup into the restic repository (created on first use), then applies the same
 * retention there. Recorded in job_runs; errors are recorded and rethrown.
 */
export async function runOffsiteCopy(db: Db, o: OffsiteOptions): Promise<{ snapshot: string; removed: number }> {
  const say = o.progress ?? (() => {});
  const runId = insertJobRun(db, OFFSITE_JOB, o.now());
  try {
    await restic(o.restic, ['cat', 'config']).catch(async () => {
      say('initialising the restic repository');
      await restic(o.restic, ['init']);
    });
    say(`copying ${o.file} off-site with restic`);
    // A fixed host name: a container gets a new one at every start.
    const out = await restic(o.restic, ['backup', '--json', '--host', RESTIC_TAG, '--tag', RESTIC_TAG, o.file], o.dir);
    const summary = out.split('\n').map((l) => l.trim()).filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as { message_type?: string; snapshot_id?: string }).find((m) => m.message_type === 'summary');
    if (!summary?.snapshot_id) throw new Error('restic backup reported no snapshot');
    say(`applying retention off-site (keep ${o.retention})`);
    // Grouped by tag: each backup is a different file name, and restic's default groups by paths.
    const forget = await restic(o.restic, ['forget', '--json', '--tag', RESTIC_TAG, '--group-by', 'tags', '--keep-last', String(o.retention), '--prune']);
    const removed = countRemoved(forget);
    const result = { snapshot: summary.snapshot_id, removed };
    finishJobRun(db, runId, { status: 'ok', finishedAt: o.now(), detail: { file: o.file, ...result } });
    say(`off-site: snapshot ${result.snapshot}, removed ${removed} old snapshot(s)`);
    return result;
  } catch (err) {
    finishJobRun(db, runId, { status: 'failed', finishedAt: o.now(), error: (err as Error).message });
    throw err;
  }
}

/** Snapshots `restic forget --json` removed (its first JSON line lists groups with a `remove` array). */
function countRemoved(out: string): number {
  const line = out.split('\n').find((l) => l.trim().startsWith('['));
  if (!line) return 0;
  return (JSON.parse(line) as { remove?: unknown[] | null }[]).reduce((n, g) => n + (g.remove?.length ?? 0), 0);
}

export interface FullBackupResult extends BackupResult {
  /** Off-site outcome: undefined when BACKUP_RESTIC_REPOSITORY is not set. */
  offsite?: { ok: true; snapshot: string; removed: number } | { ok: false; error: string };
}

/**
 * The backup every caller runs (schedule, `npm run backup`, /admin/system): a sealed local backup,
 * then the off-site copy when configured. A failed local backup throws; a failed off-site copy is
 * recorded and reported in the result (the local backup still counts).
 */
export async function backupWithOffsiteCopy(db: Db, env: Env, now: () => number, progress?: (m: string) => void): Promise<FullBackupResult> {
  const local = await runBackup(db, { dataDir: env.dataDir, retention: env.backupRetention, now, progress });
  if (!env.restic.repository) return local;
  try {
    const res = await runOffsiteCopy(db, { restic: env.restic, dir: backupDir(env.dataDir), file: local.file, retention: env.backupRetention, now, progress });
    return { ...local, offsite: { ok: true, ...res } };
  } catch (err) {
    return { ...local, offsite: { ok: false, error: (err as Error).message } };
  }
}
