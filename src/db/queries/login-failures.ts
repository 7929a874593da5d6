import { and, count, eq, gt, lt } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { loginFailures } from '../schema.ts';

/** Records one failed login (username lower-cased). */
export function insertLoginFailure(db: Db, username: string, ip: string, now: number): void {
  db.insert(loginFailures).values({ username: username.toLowerCase(), ip, createdAt: now }).run();
}

/** Failed logins for a username since a time. */
export function countFailuresForUsername(db: Db, username: string, since: number): number {
  return db.select({ n: count() }).from(loginFailures).where(and(eq(loginFailures.username, username.toLowerCase()), gt(loginFailures.createdAt, since))).get()?.n ?? 0;
}

/** Failed logins from an IP since a time. */
export function countFailuresForIp(db: Db, ip: string, since: number): number {
  return db.select({ n: count() }).from(loginFailures).where(and(eq(loginFailures.ip, ip), gt(loginFailures.createdAt, since))).get()?.n ?? 0;
}

/** Forgets a username's failures after a successful login. */
export function clearFailuresForUsername(db: Db, username: string): void {
  db.delete(loginFailures).where(eq(loginFailures.username, username.toLowerCase())).run();
}

/** Deletes failures older than a time (they no longer count for anything). */
export function pruneLoginFailures(db: Db, before: number): number {
  return db.delete(loginFailures).where(lt(loginFailures.createdAt, before)).run().changes;
}
