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
  const sqlite = cachePreparedStatements(new Database(path));
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('foreign_keys = ON');
  const db = drizzle(sqlite, { schema }) as Db;
  if (opts.migrate !== false) migrate(db, { migrationsFolder: MIGRATIONS_DIR });
  return db;
}

/** How many distinct SQL texts keep a compiled statement (the app issues a few hundred; lists of ids vary). */
const STATEMENT_CACHE_SIZE = 1000;

/**
 * Compiles each SQL text once. drizzle prepares a new better-sqlite3 statement for every query it
 * runs, and compiling SQL was the largest single cost of a page. A cached statement is handed out
 * again only when idle (an `iterate()` in progress keeps it busy) and with its result modes reset,
 * so it behaves exactly like a fresh one.
 */
function cachePreparedStatements(sqlite: Database.Database): Database.Database {
  const prepare = sqlite.prepare.bind(sqlite);
  const cache = new Map<string, Database.Statement>();
  sqlite.prepare = ((source: string) => {
    const cached = cache.get(source);
    if (cached && !cached.busy) return cached.reader ? cached.raw(false).pluck(false).expand(false) : cached;
    const statement = prepare(source);
    if (cached) return statement;
    if (cache.size >= STATEMENT_CACHE_SIZE) cache.clear();
    cache.set(source, statement);
    return statement;
  }) as Database.Database['prepare'];
  return sqlite;
}
