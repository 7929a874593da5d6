import Database from 'better-sqlite3';
import { closeSync, fsyncSync, openSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from '../db/client.ts';
import { privateDir, privateFile } from '../db/private-files.ts';
import { finishJobRun, insertJobRun } from '../db/queries/job-runs.ts';

export const BACKUP_JOB = 'backup';
const NAME = /^memoai-\d{8}-\d{6}\.db$/;

export interface BackupOptions {
  dataDir: string;
  /** How many backups to keep (oldest removed first). */
  retention: number;
  now: () => number;
  progress?: (message: string) => void;
}

export interface BackupResult {
  file: string;
  bytes: number;
  removed: string[];
  kept: number;
}

/** `memoai-YYYYMMDD-HHMMSS.db` for a time (UTC). */
export function backupFileName(ms: number): string {
  const iso = new Date(ms).toISOString();
  return `memoai-${iso.slice(0, 10).replaceAll('-', '')}-${iso.slice(11, 19).replaceAll(':', '')}.db`;
}

export function backupDir(dataDir: string): string {
  return join(dataDir, 'backups');
}

/** Backups on disk, newest first. */
export function listBackups(dataDir: string): { name: string; bytes: number }[] {
  let names: string[];
  try {
    names = readdirSync(backupDir(dataDir)).filter((n) => NAME.test(n));
  } catch {
    return [];
  }
  return names.sort().reverse().map((name) => ({ name, bytes: statSync(join(backupDir(dataDir), name)).size }));
}

/** PRAGMA integrity_check on a database file; 'ok' or the first problems found. */
export function integrityCheck(file: string): string {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const rows = db.pragma('integrity_check') as { integrity_check: string }[];
    return rows.map((r) => r.integrity_check).join('; ');
  } finally {
    db.close();
  }
}

/** Makes the copy one self-contained file (rollback journal, not WAL) and checks it. */
function sealCopy(file: string): string {
  const db = new Database(file, { fileMustExist: true });
  try {
    db.pragma('journal_mode = DELETE');
    return (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check).join('; ');
  } finally {
    db.close();
  }
}

/**
 * Online backup: WAL checkpoint, better-sqlite3 backup() into a temporary file, integrity_check on the
 * copy, atomic rename, then retention. Each run is recorded in job_runs; errors are rethrown.
 */
export async function runBackup(db: Db, opts: BackupOptions): Promise<BackupResult> {
  const say = opts.progress ?? (() => {});
  const runId = insertJobRun(db, BACKUP_JOB, opts.now());
  const dir = backupDir(opts.dataDir);
  const name = backupFileName(opts.now());
  const tmp = join(dir, `.${name}.tmp`);
  try {
    privateDir(dir);
    say('checkpointing the write-ahead log');
    db.$client.pragma('wal_checkpoint(PASSIVE)');
    say(`copying the database to ${name}`);
    privateFile(tmp); // SQLite writes into the existing 0600 file, so the copy is never readable by others
    await db.$client.backup(tmp);
    say('checking the copy (integrity_check)');
    const check = sealCopy(tmp);
    if (check !== 'ok') throw new Error(`integrity_check failed on the copy: ${check}`);
    renameSync(tmp, join(dir, name));
    syncDir(dir);
    const removed = applyRetention(opts.dataDir, opts.retention);
    const result = { file: name, bytes: statSync(join(dir, name)).size, removed, kept: listBackups(opts.dataDir).length };
    finishJobRun(db, runId, { status: 'ok', finishedAt: opts.now(), detail: result });
    say(`done: ${name} (${result.bytes} bytes), kept ${result.kept}, removed ${removed.length}`);
    return result;
  } catch (err) {
    finishJobRun(db, runId, { status: 'failed', finishedAt: opts.now(), error: (err as Error).message });
    try {
      rmSync(tmp, { force: true });
    } catch {
      // the folder itself may be missing or unusable: nothing to clean up
    }
    throw err;
  }
}

/** Deletes the oldest backups beyond `retention`; returns their names. */
export function applyRetention(dataDir: string, retention: number): string[] {
  const old = listBackups(dataDir).slice(retention);
  for (const b of old) rmSync(join(backupDir(dataDir), b.name));
  return old.map((b) => b.name);
}

function syncDir(dir: string): void {
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
