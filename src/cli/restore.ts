import Database from 'better-sqlite3';
import { copyFileSync, existsSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';
import { readEnv } from '../config/env.ts';
import { backupDir, integrityCheck } from '../jobs/backup.ts';
import { runningServerPid } from '../pid-file.ts';

/** Refuses files that are not a healthy Memo AI Coach database. */
function verify(file: string): void {
  const check = integrityCheck(file);
  if (check !== 'ok') throw new Error(`${file} failed integrity_check: ${check}`);
  const db = new Database(file, { readonly: true });
  try {
    const tables = new Set((db.prepare("select name from sqlite_master where type = 'table'").all() as { name: string }[]).map((r) => r.name));
    for (const t of ['users', 'submissions', 'evaluations', '__drizzle_migrations']) if (!tables.has(t)) throw new Error(`${file} is not a Memo AI Coach database (no ${t} table)`);
  } finally {
    db.close();
  }
}

/**
 * `npm run restore -- FILE`: verifies the backup, refuses while the server runs, keeps the current
 * database as `<name>.before-restore-<time>`, then swaps the backup in atomically.
 */
function main(): void {
  const arg = process.argv[2];
  if (!arg) throw new Error('usage: npm run restore -- FILE (a path, or a file name in DATA_DIR/backups)');
  const env = readEnv();
  const file = isAbsolute(arg) || existsSync(arg) ? resolve(arg) : join(backupDir(env.dataDir), arg);
  if (!existsSync(file)) throw new Error(`${file} does not exist`);
  const pid = runningServerPid(env.dataDir);
  if (pid) throw new Error(`the server is running (pid ${pid}); stop it first (docker compose stop app), then restore`);
  console.log(`Verifying ${file}`);
  verify(file);
  console.log('  integrity_check ok, tables present');
  const target = env.databasePath;
  const tmp = join(dirname(target), `.${basename(target)}.restore-tmp`);
  copyFileSync(file, tmp);
  if (existsSync(target)) {
    const keep = `${target}.before-restore-${new Date().toISOString().replace(/[-:]/g, '').slice(0, 15)}`;
    copyFileSync(target, keep);
    console.log(`  kept the current database as ${keep}`);
  }
  for (const suffix of ['-wal', '-shm']) rmSync(`${target}${suffix}`, { force: true });
  renameSync(tmp, target);
  console.log(`Restored ${basename(file)} to ${target}. Start the server again.`);
}

try {
  main();
} catch (err) {
  console.error(`Restore refused: ${(err as Error).message}`);
  process.exitCode = 1;
}
