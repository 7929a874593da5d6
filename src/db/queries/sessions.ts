import { eq, lte, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { preparedQuery } from '../prepared.ts';
import { sessions, users, type Session, type User } from '../schema.ts';

/** Stores a new session row. */
export function insertSession(db: Db, s: Session): void {
  db.insert(sessions).values(s).run();
}

/** A session and its user, by session id. */
export function findSessionWithUser(db: Db, id: string): { session: Session; user: User } | undefined {
  return sessionWithUser(db).get({ id });
}

const sessionWithUser = preparedQuery((db) =>
  db.select({ session: sessions, user: users }).from(sessions).innerJoin(users, eq(users.id, sessions.userId)).where(eq(sessions.id, sql.placeholder('id'))).prepare(),
);

/** Slides a session's expiry forward. */
export function touchSession(db: Db, id: string, lastVerifiedAt: number, expiresAt: number): void {
  db.update(sessions).set({ lastVerifiedAt, expiresAt }).where(eq(sessions.id, id)).run();
}

/** Deletes one session (logout, expiry). */
export function deleteSession(db: Db, id: string): void {
  db.delete(sessions).where(eq(sessions.id, id)).run();
}

/** Deletes every session of a user (password change, deactivation). */
export function deleteUserSessions(db: Db, userId: string): void {
  db.delete(sessions).where(eq(sessions.userId, userId)).run();
}

/** Deletes sessions whose expiry has passed (the expiry never exceeds the absolute lifetime); returns how many. */
export function deleteExpiredSessions(db: Db, now: number): number {
  return db.delete(sessions).where(lte(sessions.expiresAt, now)).run().changes;
}
