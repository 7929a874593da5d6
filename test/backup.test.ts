import Database from 'better-sqlite3';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { listJobRuns } from '../src/db/queries/job-runs.ts';
import { backupDir, backupFileName, BACKUP_JOB, integrityCheck, listBackups, runBackup } from '../src/jobs/backup.ts';
import { scheduleJobs } from '../src/jobs/schedule.ts';
import { createLogger } from '../src/logger.ts';
import { createAccount, makeTestApp, PEOPLE, type TestApp } from './helpers/app.ts';

const ROOT = join(import.meta.dirname, '..');

let current: TestApp | undefined;
afterEach(async () => {
  await current?.close();
  current = undefined;
});

function app(): TestApp {
  current = makeTestApp();
  return current;
}

interface Row {
  id: number;
  text: string;
}

function insertSubmissions(db: Database.Database, writerId: string, texts: string[]): void {
  const ins = db.prepare('insert into submissions (writer_id, text, char_count, created_at) values (?, ?, ?, ?)');
  for (const text of texts) ins.run(writerId, text, text.length, Date.now());
}

/** Every submission (id, text) in a database file, read with a connection of its own. */
function submissionsIn(file: string): Row[] {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return db.prepare('select id, text from submissions order by id').all() as Row[];
  } finally {
    db.close();
  }
}

/** True when an executable is on PATH; in CI it must be. */
function tool(name: string): boolean {
  const found = spawnSync('sh', ['-c', `command -v ${name}`]).status === 0;
  if (process.env.CI) expect(found, `${name} must be installed in CI`).toBe(true);
  return found;
}

/** A child process inserting submissions into the same file, printing the last committed id as it goes. */
const WRITER_SCRIPT = `
const [modPath, file, writer, durationMs, maxRows] = process.argv.slice(1);
const Database = require(modPath);
const db = new Database(file);
db.pragma('busy_timeout = 5000');
const ins = db.prepare('insert into submissions (writer_id, text, char_count, created_at) values (?, ?, ?, ?)');
const pause = new Int32Array(new SharedArrayBuffer(4));
const end = Date.now() + Number(durationMs);
let n = 0, last = 0;
while (Date.now() < end && n < Number(maxRows)) {
  const text = 'concurrent memo ' + n + ' ' + 'x'.repeat(300);
  last = Number(ins.run(writer, text, text.length, Date.now()).lastInsertRowid);
  n++;
  if (n === 1 || n % 10 === 0) process.stdout.write('committed ' + last + '\\n');
  Atomics.wait(pause, 0, 0, 2);
}
db.close();
process.stdout.write('done ' + last + '\\n');
`;

function startWriter(file: string, writerId: string) {
  const child = spawn(process.execPath, ['-e', WRITER_SCRIPT, join(ROOT, 'node_modules', 'better-sqlite3'), file, writerId, '2500', '5000'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += String(d)));
  child.stderr.on('data', (d: Buffer) => (err += String(d)));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const started = async () => {
    for (let i = 0; i < 500 && !out.includes('committed'); i++) await new Promise((r) => setTimeout(r, 10));
    if (!out.includes('committed')) throw new Error(`writer did not start: ${err}`);
  };
  return { child, exited, started, output: () => ({ out, err }) };
}

describe('runBackup', () => {
  it('takes a consistent single-file copy while another process keeps writing', async () => {
    const t = app();
    const writerId = await createAccount(t, PEOPLE['ana-student']);
    insertSubmissions(t.db.$client, writerId, Array.from({ length: 50 }, (_, i) => `seed memo ${i} ${'y'.repeat(300)}`));
    const writer = startWriter(t.config.env.databasePath, writerId);
    try {
      await writer.started();
      const maxBefore = (t.db.$client.prepare('select max(id) as m from submissions').get() as { m: number }).m;
      const res = await runBackup(t.db, { dataDir: t.dir, retention: 4, now: Date.now });
      expect(writer.child.exitCode, 'the writer was still running when the backup finished').toBeNull();

      const copy = join(backupDir(t.dir), res.file);
      expect(integrityCheck(copy)).toBe('ok');
      if (tool('sqlite3')) expect(spawnSync('sqlite3', [copy, 'pragma integrity_check'], { encoding: 'utf8' }).stdout.trim()).toBe('ok');

      const live = t.db.$client.prepare('select id, text from submissions where id <= ? order by id').all(maxBefore) as Row[];
      const copied = submissionsIn(copy);
      expect(live.length).toBeGreaterThan(50);
      expect(copied.filter((r) => r.id <= maxBefore)).toEqual(live);

      expect(readdirSync(backupDir(t.dir)).sort()).toEqual([res.file]);
      const check = new Database(copy, { readonly: true });
      expect(check.pragma('journal_mode', { simple: true })).toBe('delete');
      check.close();
      expect(res.bytes).toBeGreaterThan(0);

      const runs = listJobRuns(t.db, BACKUP_JOB, 10);
      expect(runs).toHaveLength(1);
      expect(runs[0]).toMatchObject({ status: 'ok', error: null });
      expect(runs[0]!.detail).toMatchObject({ file: res.file, kept: 1, removed: [] });

      expect(await writer.exited, writer.output().err).toBe(0);
      const last = Number(/done (\d+)/.exec(writer.output().out)?.[1]);
      expect(last).toBeGreaterThan(maxBefore);
    } finally {
      writer.child.kill();
      await writer.exited;
    }
  });

  it('keeps only the newest `retention` backups', async () => {
    const t = app();
    let clock = Date.UTC(2025, 0, 5, 2, 0, 0);
    const names: string[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await runBackup(t.db, { dataDir: t.dir, retention: 3, now: () => clock });
      expect(res.file).toBe(backupFileName(clock));
      names.push(res.file);
      clock += 1000;
    }
    expect(names[0]).toBe('memoai-20250105-020000.db');
    expect(listBackups(t.dir).map((b) => b.name)).toEqual(names.slice(2).reverse());
    expect(readdirSync(backupDir(t.dir)).sort()).toEqual(names.slice(2));
    const runs = listJobRuns(t.db, BACKUP_JOB, 10);
    expect(runs.map((r) => r.status)).toEqual(['ok', 'ok', 'ok', 'ok', 'ok']);
    expect(runs[0]!.detail).toMatchObject({ kept: 3, removed: [names[1]] });
  });

  it('a backup directory that cannot be created: throws, records the failed run, /health is degraded', async () => {
    const t = app();
    const blocker = join(t.dir, 'blocker');
    writeFileSync(blocker, 'a regular file');
    const dataDir = join(blocker, 'data');
    await expect(runBackup(t.db, { dataDir, retention: 3, now: Date.now })).rejects.toThrow(/ENOTDIR.*mkdir/);
    expect(existsSync(backupDir(dataDir))).toBe(false);
    expect(listJobRuns(t.db, BACKUP_JOB, 10)).toMatchObject([{ status: 'failed', error: expect.stringMatching(/ENOTDIR/) }]);
    await expectDegradedHealth(t);
  });

  it('a failure after the copy was made: throws, leaves no temporary file, records the failed run', async () => {
    const t = app();
    const now = Date.UTC(2025, 0, 5, 2, 0, 0);
    // A directory where the backup file should go makes the final rename fail.
    mkdirSync(join(backupDir(t.dir), backupFileName(now)), { recursive: true });
    await expect(runBackup(t.db, { dataDir: t.dir, retention: 3, now: () => now })).rejects.toThrow(/rename/);
    expect(readdirSync(backupDir(t.dir))).toEqual([backupFileName(now)]);
    const runs = listJobRuns(t.db, BACKUP_JOB, 10);
    expect(runs).toMatchObject([{ status: 'failed', finishedAt: now }]);
    expect(runs[0]!.error).toBeTruthy();
    await expectDegradedHealth(t);
  });
});

async function expectDegradedHealth(t: TestApp): Promise<void> {
  const res = await t.client().get('/health');
  expect(res.status).toBe(200);
  expect(await res.json()).toEqual({ status: 'degraded', checks: { database: 'ok', config: 'ok', llm: 'ok', budget: 'ok', backups: 'failing', disk: 'ok' } });
}

describe('scheduleJobs', () => {
  it('registers the backup on BACKUP_SCHEDULE; running it writes a backup', async () => {
    const t = app();
    const tasks = scheduleJobs({ db: t.db, env: { ...t.config.env, backupSchedule: '15 4 * * 1' }, log: createLogger('silent'), now: Date.now, rawRetentionDays: () => 90 });
    try {
      expect(tasks.map((task) => task.name).sort()).toEqual(['backup', 'prune-login-failures', 'prune-raw-traces', 'prune-sessions']);
      const backup = tasks.find((task) => task.name === 'backup')!;
      expect(backup.getPattern()).toBe('15 4 * * 1');
      await backup.execute();
      const files = listBackups(t.dir);
      expect(files).toHaveLength(1);
      expect(existsSync(join(backupDir(t.dir), files[0]!.name))).toBe(true);
      expect(listJobRuns(t.db, BACKUP_JOB, 10).map((r) => r.status)).toEqual(['ok']);
    } finally {
      for (const task of tasks) await task.destroy();
    }
  });
});

/** `npm run restore -- FILE` in a process of its own. */
function restore(dataDir: string, file: string) {
  const res = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/restore.ts', file], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', DATA_DIR: dataDir },
    encoding: 'utf8',
    timeout: 20_000,
  });
  return { status: res.status, stdout: res.stdout, stderr: res.stderr };
}

const beforeRestoreFiles = (dir: string) => readdirSync(dir).filter((n) => n.startsWith('memoai.db.before-restore-'));

describe('npm run restore', () => {
  it('puts a backup back, keeps the old database, and refuses under a live server or a bad file', async () => {
    const t = app();
    const dbFile = t.config.env.databasePath;
    const writerId = await createAccount(t, PEOPLE['ana-student']);
    insertSubmissions(t.db.$client, writerId, ['first memo', 'second memo', 'third memo', 'fourth memo']);
    const backedUp = submissionsIn(dbFile);
    const { file } = await runBackup(t.db, { dataDir: t.dir, retention: 4, now: Date.now });

    t.db.$client.prepare('delete from submissions where id in (?, ?)').run(backedUp[0]!.id, backedUp[2]!.id);
    insertSubmissions(t.db.$client, writerId, ['fifth memo', 'sixth memo']);
    t.db.$client.close();
    const changed = submissionsIn(dbFile);
    expect(changed.map((r) => r.text)).toEqual(['second memo', 'fourth memo', 'fifth memo', 'sixth memo']);

    // A server is any other process with the database open (SQLite's locks work across containers).
    const server = new Database(dbFile);
    server.prepare('select count(*) from submissions').get();
    const underServer = restore(t.dir, file);
    server.close();
    expect(underServer.status).not.toBe(0);
    expect(underServer.stderr).toMatch(/another process has .* open: stop the server first/);
    expect(submissionsIn(dbFile)).toEqual(changed);
    expect(beforeRestoreFiles(t.dir)).toEqual([]);

    const garbage = join(t.dir, 'garbage.db');
    writeFileSync(garbage, 'this is not a database '.repeat(300));
    const bad = restore(t.dir, garbage);
    expect(bad.status).not.toBe(0);
    expect(bad.stderr).toMatch(/Restore refused/);
    expect(submissionsIn(dbFile)).toEqual(changed);
    expect(beforeRestoreFiles(t.dir)).toEqual([]);

    const ok = restore(t.dir, 'latest');
    expect(ok.stderr).toBe('');
    expect(ok.status).toBe(0);
    expect(ok.stdout).toMatch(new RegExp(`Verifying .*${file}`));
    expect(ok.stdout).toMatch(/integrity_check ok, tables present: 4 memos, 0 evaluations \(0 done\), newest none/);
    expect(ok.stdout).toMatch(/kept the current database as/);
    expect(ok.stdout).toMatch(new RegExp(`Restored ${file} to .*: 4 memos`));
    expect(submissionsIn(dbFile)).toEqual(backedUp);
    const kept = beforeRestoreFiles(t.dir);
    expect(kept).toHaveLength(1);
    expect(submissionsIn(join(t.dir, kept[0]!))).toEqual(changed);
    expect(existsSync(join(t.dir, '.memoai.db.restore-tmp'))).toBe(false);
  });
});

describe('npm run restore after a hard kill', () => {
  it('keeps everything the killed process had committed (WAL included) in the safety copy', async () => {
    const t = app();
    const dbFile = t.config.env.databasePath;
    const writerId = await createAccount(t, PEOPLE['ana-student']);
    const { file } = await runBackup(t.db, { dataDir: t.dir, retention: 4, now: Date.now });
    t.db.$client.close();
    // A writer that never checkpoints, SIGKILLed after its commits: they exist only in the WAL.
    const script = `const D = require(process.argv[1]); const db = new D(process.argv[2]); db.pragma('wal_autocheckpoint = 0');
      const ins = db.prepare('insert into submissions (writer_id, text, char_count, created_at) values (?, ?, 4, ?)');
      for (let i = 0; i < 28; i++) ins.run(process.argv[3], 'memo', Date.now());
      process.stdout.write('committed'); setInterval(() => {}, 1000);`;
    const child = spawn(process.execPath, ['-e', script, join(ROOT, 'node_modules', 'better-sqlite3'), dbFile, writerId], { stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((resolve) => child.stdout.on('data', () => resolve()));
    child.kill('SIGKILL');
    await new Promise((r) => child.on('exit', r));
    expect(existsSync(`${dbFile}-wal`)).toBe(true);

    const ok = restore(t.dir, file);
    expect(ok.stderr).toBe('');
    expect(ok.status).toBe(0);
    const kept = beforeRestoreFiles(t.dir);
    expect(kept).toHaveLength(1);
    expect(submissionsIn(join(t.dir, kept[0]!))).toHaveLength(28);
    expect(ok.stdout).toMatch(/kept the current database as .*\(28 memos/);
    expect(submissionsIn(dbFile)).toHaveLength(0);
  });
});
