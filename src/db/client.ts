import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { privateDatabaseFiles, privateDir } from './private-files.ts';
import * as schema from './schema.ts';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

/** migrations/ at the repository root, found from this file both under src/ and dist/src/. */
export const MIGRATIONS_DIR = findMigrations();

function findMigrations(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  for (const up of ['../..', '../../..']) {
    const dir = join(here, up, 'migrations');
    if (existsSync(join(dir, 'meta', '_journal.json'))) return dir;
  }
  throw new Error('migrations/ folder not found');
}

/**
 * Opens (creating if needed) the SQLite database with the settings every connection needs,
 * and applies pending migrations. All SQLite settings live here.
 */
export function openDatabase(path: string, opts: { migrate?: boolean } = {}): Db {
  if (path !== ':memory:') {
    privateDir(dirname(path));
    privateDatabaseFiles(path);
  }
  const sqlite = new Database(path);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('foreign_keys = ON');
  const db = drizzle(sqlite, { schema }) as Db;
  if (opts.migrate !== false) migrate(db, { migrationsFolder: MIGRATIONS_DIR });
  return db;
}
