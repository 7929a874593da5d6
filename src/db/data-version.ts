import type { Statement } from 'better-sqlite3';
import type { Db } from './client.ts';

/** How long another connection's commit may go unnoticed: asking SQLite for data_version costs more than the rest of a cached page. */
const OTHER_CONNECTIONS_MS = 1000;

interface Probe {
  changes: Statement;
  version: Statement;
  otherVersion: number;
  checkedAt: number;
}

const probes = new WeakMap<Db, Probe>();

/**
 * A token that changes whenever the database may have changed: at once for rows this connection
 * inserted, updated or deleted (total_changes, trigger writes included; the app writes through one
 * connection), within a second for commits by other connections such as the CLI's (data_version).
 */
export function dataVersion(db: Db): string {
  let probe = probes.get(db);
  if (!probe) {
    probe = { changes: db.$client.prepare('select total_changes()').pluck(), version: db.$client.prepare('pragma data_version').pluck(), otherVersion: 0, checkedAt: -Infinity };
    probes.set(db, probe);
  }
  const now = performance.now();
  if (now - probe.checkedAt >= OTHER_CONNECTIONS_MS) [probe.otherVersion, probe.checkedAt] = [probe.version.get() as number, now];
  return `${probe.changes.get() as number}:${probe.otherVersion}`;
}

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
