import { existsSync } from 'node:fs';
import { basename, isAbsolute, join, resolve } from 'node:path';
import { readEnv } from '../config/env.ts';
import { backupDir, listBackups } from '../jobs/backup.ts';
import { describeSummary, openExclusively, restoreDatabase, verifyDatabase } from '../jobs/restore.ts';

/**
 * `npm run restore -- FILE|latest`: verifies the backup, refuses while any process (a server in this or
 * another container) has the database open, keeps the current database as
 * `<name>.before-restore-<time>` (SQLite backup API, so the WAL is included), swaps the backup in,
 * and prints what the restored database contains.
 */
async function main(): Promise<void> {
  const arg = process.argv[2];
  if (!arg) throw new Error('usage: npm run restore -- FILE (a path, a file name in DATA_DIR/backups, or "latest")');
  const env = readEnv();
  const name = arg === 'latest' ? listBackups(env.dataDir)[0]?.name : arg;
  if (!name) throw new Error(`no backups in ${backupDir(env.dataDir)}`);
  const file = isAbsolute(name) || existsSync(name) ? resolve(name) : join(backupDir(env.dataDir), name);
  if (!existsSync(file)) throw new Error(`${file} does not exist`);
  const target = env.databasePath;
  if (existsSync(target)) openExclusively(target).close();
  console.log(`Verifying ${file}`);
  console.log(`  integrity_check ok, tables present: ${describeSummary(verifyDatabase(file))}`);
  await restoreDatabase(file, target, new Date(), (m) => console.log(`  ${m}`));
  console.log(`Restored ${basename(file)} to ${target}: ${describeSummary(verifyDatabase(target))}. Start the server again.`);
}

main().catch((err: unknown) => {
  console.error(`Restore refused: ${(err as Error).message}`);
  process.exitCode = 1;
});
