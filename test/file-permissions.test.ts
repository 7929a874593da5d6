import { mkdtempSync, rmSync, statSync, chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { openDatabase } from '../src/db/client.ts';
import { backupDir, runBackup } from '../src/jobs/backup.ts';

// The database and backups hold memos and password hashes: nobody but the app's user may read them.

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const mode = (p: string) => (statSync(p).mode & 0o777).toString(8);

it('creates the database, its WAL and shared-memory files 0600 in a 0700 folder, and backups the same', async () => {
  const old = process.umask(0o022);
  try {
    dir = mkdtempSync(join(tmpdir(), 'memoai-perms-'));
    const data = join(dir, 'data');
    const db = openDatabase(join(data, 'memoai.db'));
    db.$client.prepare("insert into job_runs (job, status, started_at) values ('x', 'ok', 1)").run();
    expect(mode(data)).toBe('700');
    for (const f of ['memoai.db', 'memoai.db-wal', 'memoai.db-shm']) expect(mode(join(data, f)), f).toBe('600');
    const res = await runBackup(db, { dataDir: data, retention: 2, now: () => Date.parse('2026-11-22T02:00:00Z') });
    expect(mode(backupDir(data))).toBe('700');
    expect(mode(join(backupDir(data), res.file))).toBe('600');
    db.$client.close();
  } finally {
    process.umask(old);
  }
});

it('tightens a folder and files left readable by an older version', () => {
  dir = mkdtempSync(join(tmpdir(), 'memoai-perms-'));
  const data = join(dir, 'data');
  mkdirSync(data, { mode: 0o755 });
  chmodSync(data, 0o755);
  writeFileSync(join(data, 'memoai.db'), '');
  chmodSync(join(data, 'memoai.db'), 0o644);
  const db = openDatabase(join(data, 'memoai.db'));
  expect(mode(data)).toBe('700');
  expect(mode(join(data, 'memoai.db'))).toBe('600');
  db.$client.close();
});
