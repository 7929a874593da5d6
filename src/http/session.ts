import { deleteCookie, setCookie } from 'hono/cookie';
import type { AuthConfig } from '../config/schemas.ts';
import type { Env } from '../config/env.ts';
import { createSession, invalidateSession, validateSessionToken, type Lifetime } from '../auth/sessions.ts';
import { clientIp } from './client-ip.ts';
import { cookieOptions, servedOverHttps } from './cookies.ts';
import { findUserById, insertAnonymousWriter } from '../db/queries/users.ts';
import type { User } from '../db/schema.ts';
import type { Ctx } from './context.ts';
import { DAY, HOUR } from '../time.ts';

/** Lifetime of a session: long for writers (history follows the browser), short for admins; both capped from the start. */
export function sessionLifetime(auth: AuthConfig, user: Pick<User, 'role'>): Lifetime {
  const s = auth.sessions;
  return user.role === 'admin' ? { idleMs: s.admin_idle_hours * HOUR, maxMs: s.admin_max_days * DAY } : { idleMs: s.student_idle_days * DAY, maxMs: s.student_max_days * DAY };
}

/** `__Host-` prefixed and Secure when the public origin is HTTPS. */
export function sessionCookie(env: Env): { name: string; secure: boolean } {
  const secure = servedOverHttps(env);
  return { name: secure ? '__Host-memo_session' : 'memo_session', secure };
}

/** Loads the session named by the cookie (`cookies`: the request's, parsed), if valid, into c.get('user') / c.get('session'). */
export function applySession(c: Ctx, cookies: Record<string, string>): void {
  const { db, config, now } = c.get('deps');
  const token = cookies[sessionCookie(config.env).name];
  const t = now();
  const found = token ? validateSessionToken(db, token, t, (u) => sessionLifetime(config.current.files.auth, u)) : undefined;
  // The expiry slid forward: move the cookie's with it.
  if (token && found && found.session.lastVerifiedAt === t && found.session.createdAt !== t) setSessionCookie(c, token, found.session.expiresAt - t);
  c.set('user', found?.user);
  c.set('session', found?.session);
}

/** The current writer, creating an anonymous one (and its cookie) on first submission. */
export function ensureWriter(c: Ctx): User {
  const current = c.get('user');
  if (current) return current;
  const { db, config, now } = c.get('deps');
  const t = now();
  const id = insertAnonymousWriter(db, t);
  const user = findUserById(db, id)!;
  const { token, session } = createSession(db, id, t, sessionLifetime(config.current.files.auth, user));
  setSessionCookie(c, token, session.expiresAt - t);
  c.set('user', user);
  return user;
}

/** Signs a user in: a fresh session (any previous one in this browser is ended) and its cookie. */
export function startSession(c: Ctx, user: User): void {
  const { db, config, now } = c.get('deps');
  const previous = c.get('session');
  if (previous) invalidateSession(db, previous.id);
  const t = now();
  const { token, session } = createSession(db, user.id, t, sessionLifetime(config.current.files.auth, user), { ip: clientIp(c), userAgent: c.req.header('user-agent') ?? null });
  setSessionCookie(c, token, session.expiresAt - t);
  c.set('user', user);
  c.set('session', session);
}

/** Signs out: deletes the session row and the cookie. */
export function endSession(c: Ctx): void {
  const session = c.get('session');
  if (session) invalidateSession(c.get('deps').db, session.id);
  const cookie = sessionCookie(c.get('deps').config.env);
  deleteCookie(c, cookie.name, cookieOptions(c.get('deps').config.env));
  c.set('user', undefined);
  c.set('session', undefined);
}

function setSessionCookie(c: Ctx, token: string, ttlMs: number): void {
  const cookie = sessionCookie(c.get('deps').config.env);
  setCookie(c, cookie.name, token, cookieOptions(c.get('deps').config.env, ttlMs));
}
