import type { Statement } from 'better-sqlite3';
import type { Db } from './client.ts';

/**
 * A token that changes whenever anything in the database may have changed: rows this connection
 * inserted, updated or deleted (total_changes, trigger writes included) and commits by any other
 * connection, such as the CLI's (data_version). The app writes through one connection.
 */
export function dataVersion(db: Db): string {
  let statement = versionStatements.get(db);
  if (!statement) versionStatements.set(db, (statement = db.$client.prepare('select total_changes() as changes, (select data_version from pragma_data_version) as version')));
  const row = statement.get() as { changes: number; version: number };
  return `${row.changes}:${row.version}`;
}

/** The version query, compiled once per database and used only here (so its result mode never changes). */
const versionStatements = new WeakMap<Db, Statement>();

const memos = new WeakMap<Db, { version: string; values: Map<string, unknown> }>();

/** Values kept per database until it next changes, at most this many (the oldest go first). */
const MAX_VALUES = 200;

/**
 * A read computed once per state of the database: `key` must name every other input of `read`, and
 * callers must not change what it returns (it is shared until the next write).
 */
export function untilNextWrite<T>(db: Db, key: string, read: () => T): T {
  const version = dataVersion(db);
  let memo = memos.get(db);
  if (!memo || memo.version !== version) memos.set(db, (memo = { version, values: new Map() }));
  if (memo.values.has(key)) return memo.values.get(key) as T;
  const value = read();
  if (memo.values.size >= MAX_VALUES) memo.values.delete(memo.values.keys().next().value!);
  memo.values.set(key, value);
  return value;
}
