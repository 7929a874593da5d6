import type BetterSqlite from 'better-sqlite3';
import type { Db } from '../../src/db/client.ts';

// SQL checks in tests, one definition each. They take the drizzle handle (t.db) or a raw
// better-sqlite3 connection (a second process's view of the same file).

type Sqlite = Db | BetterSqlite.Database;
const raw = (db: Sqlite): BetterSqlite.Database => ('$client' in db ? db.$client : db);

/** Rows of `table`, optionally only those matching `where` (with `?` parameters). */
export function count(db: Sqlite, table: string, where = '', ...params: unknown[]): number {
  return (raw(db).prepare(`select count(*) as n from ${table}${where ? ` where ${where}` : ''}`).get(...params) as { n: number }).n;
}

/** The first row of a query, or undefined. */
export function row<T>(db: Sqlite, sql: string, ...params: unknown[]): T | undefined {
  return raw(db).prepare(sql).get(...params) as T | undefined;
}

/** Every row of a query. */
export function rows<T>(db: Sqlite, sql: string, ...params: unknown[]): T[] {
  return raw(db).prepare(sql).all(...params) as T[];
}

/** Evaluations per status, e.g. { done: 30, queued: 2 } (statuses with none are absent). */
export function statusCounts(db: Sqlite): Record<string, number> {
  return Object.fromEntries(rows<{ status: string; n: number }>(db, 'select status, count(*) as n from evaluations group by status').map((r) => [r.status, r.n]));
}
