import Database from 'better-sqlite3';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { integrityCheck } from './backup.ts';

/** What a database file holds, printed before and after a restore so the operator can check it. */
export interface DatabaseSummary {
  submissions: number;
  evaluations: number;
  done: number;
  /** Newest evaluation's creation time (ISO), or undefined when there is none. */
  newest: string | undefined;
}

const REQUIRED_TABLES = ['users', 'submissions', 'evaluations', '__drizzle_migrations'];

/** Refuses files that are not a healthy Memo AI Coach database; returns what the file holds. */
export function verifyDatabase(file: string): DatabaseSummary {
  const check = integrityCheck(file);
  if (check !== 'ok') throw new Error(`${file} failed integrity_check: ${check}`);
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const tables = new Set((db.prepare("select name from sqlite_master where type = 'table'").pluck().all() as string[]));
    for (const t of REQUIRED_TABLES) if (!tables.has(t)) throw new Error(`${file} is not a Memo AI Coach database (no ${t} table)`);
    const e = db.prepare("select count(*) as n, sum(status = 'done') as done, max(created_at) as newest from evaluations").get() as { n: number; done: number | null; newest: number | null };
    const submissions = db.prepare('select count(*) from submissions').pluck().get() as number;
    return { submissions, evaluations: e.n, done: e.done ?? 0, newest: e.newest === null ? undefined : new Date(e.newest).toISOString() };
  } finally {
    db.close();
  }
}

export function describeSummary(s: DatabaseSummary): string {
  return `${s.submissions} memos, ${s.evaluations} evaluations (${s.done} done), newest ${s.newest ?? 'none'}`;
}

/**
 * Opens the live database only if no other process has it open. A server (in this container or
 * another one on the same volume) holds a shared lock while it runs, so switching the journal mode
 * fails with SQLITE_BUSY; when it succeeds, the write-ahead log has been folded into the file.
 */
export function openExclusively(file: string): Database.Database {
  const db = new Database(file, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 0');
    const mode = db.pragma('journal_mode = DELETE', { simple: true });
    if (mode !== 'delete') throw new Error(`could not take ${file} over (journal mode stays ${String(mode)})`);
    return db;
  } catch (err) {
    db.close();
    if ((err as { code?: string }).code?.startsWith('SQLITE_BUSY')) throw new Error(`another process has ${file} open: stop the server first (docker compose stop app), then restore`);
    throw err;
  }
}

/**
 * Swaps `backup` in for `target`: the current database is first copied with SQLite's backup API
 * (committed WAL content included) to `<target>.before-restore-<time>`, then the backup is copied
 * next to it, checked again, and renamed into place. Returns the safety copy's path.
 */
export async function restoreDatabase(backup: string, target: string, now: Date, say: (m: string) => void): Promise<string | undefined> {
  let keep: string | undefined;
  if (existsSync(target)) {
    const live = openExclusively(target);
    try {
      keep = `${target}.before-restore-${now.toISOString().replace(/[-:]/g, '').slice(0, 15)}`;
      await live.backup(keep);
      say(`kept the current database as ${keep} (${describeSummary(verifyDatabase(keep))})`);
    } finally {
      live.close();
    }
  }
  const tmp = join(dirname(target), `.${basename(target)}.restore-tmp`);
  const source = new Database(backup, { readonly: true, fileMustExist: true });
  try {
    await source.backup(tmp);
  } finally {
    source.close();
  }
  verifyDatabase(tmp);
  for (const suffix of ['-wal', '-shm']) rmSync(`${target}${suffix}`, { force: true });
  renameSync(tmp, target);
  return keep;
}
