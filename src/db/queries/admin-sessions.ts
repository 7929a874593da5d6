import { and, asc, count, desc, eq, gt, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { sessions, users, type User } from '../schema.ts';

/** A signed-in account's session as /admin/sessions shows it (never the secret hash). */
export interface AccountSessionRow {
  id: string;
  userId: string;
  username: string;
  role: User['role'];
  createdAt: number;
  lastVerifiedAt: number;
  expiresAt: number;
  ip: string | null;
  userAgent: string | null;
}

/** Unexpired sessions of named accounts, grouped by username, most recently seen first. */
export function listAccountSessions(db: Db, now: number): AccountSessionRow[] {
  return db
    .select({
      id: sessions.id,
      userId: sessions.userId,
      username: sql<string>`${users.username}`,
      role: users.role,
      createdAt: sessions.createdAt,
      lastVerifiedAt: sessions.lastVerifiedAt,
      expiresAt: sessions.expiresAt,
      ip: sessions.ip,
      userAgent: sessions.userAgent,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(users.anonymous, false), gt(sessions.expiresAt, now)))
    .orderBy(asc(sql`lower(${users.username})`), desc(sessions.lastVerifiedAt))
    .all();
}

/** One session of a named account with its owner's name, or undefined (also for anonymous writers' sessions). */
export function findAccountSession(db: Db, id: string): { id: string; userId: string; username: string } | undefined {
  return db
    .select({ id: sessions.id, userId: sessions.userId, username: sql<string>`${users.username}` })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, id), eq(users.anonymous, false)))
    .get();
}

/** How many session rows a user has (recorded in the audit log when they are ended). */
export function countUserSessions(db: Db, userId: string): number {
  return db.select({ n: count() }).from(sessions).where(eq(sessions.userId, userId)).get()?.n ?? 0;
}
