import { createHash, timingSafeEqual } from 'node:crypto';
import type { Db } from '../db/client.ts';
import { deleteExpiredSessions, deleteSession, deleteUserSessions, findSessionWithUser, insertSession, touchSession } from '../db/queries/sessions.ts';
import { deleteEmptyAnonymousWriters } from '../db/queries/users.ts';
import type { Session, User } from '../db/schema.ts';
import { randomId } from './random.ts';
import { untilNextWrite } from '../db/data-version.ts';
import { HOUR } from '../time.ts';

// Sessions as the Lucia guide describes them: token `id.secret`, only SHA-256(secret) stored,
// constant-time comparison, sliding expiry refreshed at most once per interval, never past an
// absolute lifetime counted from the session's start.

const REFRESH_INTERVAL_MS = HOUR;

export interface SessionWithToken {
  session: Session;
  token: string;
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** Where a session was started from, shown to admins. */
export interface SessionMeta {
  ip: string | null;
  userAgent: string | null;
}

/** How long a session lives: `idleMs` without use, `maxMs` at most from its start. */
export interface Lifetime {
  idleMs: number;
  maxMs: number;
}

/** The expiry after a use at `now`: idle time ahead, capped by the absolute lifetime. */
function expiryAt(createdAt: number, now: number, life: Lifetime): number {
  return Math.min(now + life.idleMs, createdAt + life.maxMs);
}

/** Creates a session for a user that stays valid for `idleMs` of inactivity and `maxMs` in all. */
export function createSession(db: Db, userId: string, now: number, life: Lifetime, meta: SessionMeta = { ip: null, userAgent: null }): SessionWithToken {
  const id = randomId();
  const secret = randomId();
  const session: Session = { id, secretHash: hashSecret(secret), userId, createdAt: now, lastVerifiedAt: now, expiresAt: expiryAt(now, now, life), ip: meta.ip, userAgent: meta.userAgent?.slice(0, 200) ?? null };
  insertSession(db, session);
  return { session, token: `${id}.${secret}` };
}

/**
 * The session and user a cookie token names, its secret checked; kept until the next write to the
 * database (untilNextWrite), so a browser's repeated requests skip the lookup and the hash. Any
 * change to the session or its user (touch, sign-out, revocation, deactivation) is a write, and
 * forgets it; a change made by another process (the CLI) is seen within a second. Shared: not to
 * be changed by callers.
 */
function verifiedSession(db: Db, token: string): { session: Session; user: User } | undefined {
  return untilNextWrite(db, `session ${token}`, () => {
    const parts = token.split('.');
    if (parts.length !== 2 || !parts[0] || !parts[1]) return undefined;
    const found = findSessionWithUser(db, parts[0]);
    if (!found) return undefined;
    const given = Buffer.from(hashSecret(parts[1]), 'hex');
    const stored = Buffer.from(found.session.secretHash, 'hex');
    return given.length === stored.length && timingSafeEqual(given, stored) ? found : undefined;
  });
}

/** Returns the session and user for a cookie token, or undefined; slides the expiry forward (never past the absolute lifetime). */
export function validateSessionToken(db: Db, token: string, now: number, lifetimeFor: (u: User) => Lifetime): { session: Session; user: User } | undefined {
  const found = verifiedSession(db, token);
  if (!found) return undefined;
  const life = lifetimeFor(found.user);
  // The absolute limit is checked too, so lowering it in auth.yaml applies to existing sessions.
  if (now >= found.session.expiresAt || now >= found.session.createdAt + life.maxMs || !found.user.active) {
    deleteSession(db, found.session.id);
    return undefined;
  }
  if (now - found.session.lastVerifiedAt >= REFRESH_INTERVAL_MS) {
    const expiresAt = expiryAt(found.session.createdAt, now, life);
    touchSession(db, found.session.id, now, expiresAt);
    return { user: found.user, session: { ...found.session, lastVerifiedAt: now, expiresAt } };
  }
  return found;
}

export function invalidateSession(db: Db, sessionId: string): void {
  deleteSession(db, sessionId);
}

export function invalidateUserSessions(db: Db, userId: string): void {
  deleteUserSessions(db, userId);
}

/**
 * The daily clean-up: expired sessions, then anonymous writers left with neither a memo nor a live
 * session (nobody can ever reach them again). Returns what it deleted.
 */
export function pruneSessions(db: Db, now: number): { sessions: number; writers: number } {
  const expired = deleteExpiredSessions(db, now);
  return { sessions: expired, writers: deleteEmptyAnonymousWriters(db) };
}
