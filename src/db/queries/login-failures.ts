import { and, count, eq, gt, lt, max } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { loginFailures } from '../schema.ts';

/** How many failures matched and when the latest was. */
export interface FailureStats {
  n: number;
  last: number | null;
}

/** Records one failed sign-in (username lower-cased, `ip` an address key). */
export function insertLoginFailure(db: Db, username: string, ip: string, now: number): void {
  db.insert(loginFailures).values({ username: username.toLowerCase(), ip, createdAt: now }).run();
}

/** Failures for one username from one address since a time. */
export function failuresForPair(db: Db, username: string, ip: string, since: number): FailureStats {
  const row = db.select({ n: count(), last: max(loginFailures.createdAt) }).from(loginFailures).where(and(eq(loginFailures.username, username.toLowerCase()), eq(loginFailures.ip, ip), gt(loginFailures.createdAt, since))).get();
  return { n: row?.n ?? 0, last: row?.last ?? null };
}

/** Failures from one address (any username) since a time. */
export function failuresForAddress(db: Db, ip: string, since: number): FailureStats {
  const row = db.select({ n: count(), last: max(loginFailures.createdAt) }).from(loginFailures).where(and(eq(loginFailures.ip, ip), gt(loginFailures.createdAt, since))).get();
  return { n: row?.n ?? 0, last: row?.last ?? null };
}

/** Forgets one username's failures from one address after it signed in there. */
export function clearFailuresForPair(db: Db, username: string, ip: string): void {
  db.delete(loginFailures).where(and(eq(loginFailures.username, username.toLowerCase()), eq(loginFailures.ip, ip))).run();
}

/** Deletes failures older than a time (they no longer count for anything). */
export function pruneLoginFailures(db: Db, before: number): number {
  return db.delete(loginFailures).where(lt(loginFailures.createdAt, before)).run().changes;
}
