import type { AuthConfig } from '../config/schemas.ts';
import type { Db } from '../db/client.ts';
import { clearFailuresForUsername, countFailuresForIp, countFailuresForUsername, insertLoginFailure } from '../db/queries/login-failures.ts';
import { findUserByUsername, recordLogin, setLockedUntil } from '../db/queries/users.ts';
import type { User } from '../db/schema.ts';
import { verifyPassword } from './passwords.ts';

const MINUTE = 60_000;
const IP_WINDOW_MS = 15 * MINUTE;

export type LoginResult =
  | { ok: true; user: User }
  /** Unknown user, wrong password and deactivated account all look the same. */
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'locked'; retryAfterSeconds: number }
  | { ok: false; reason: 'throttled'; retryAfterSeconds: number };

export interface LoginAttempt {
  username: string;
  password: string;
  ip: string;
  now: number;
}

/**
 * Checks a login. Lockout: `max_failures` failures for one username within `window_minutes` lock it
 * for `lock_minutes` (known and unknown usernames alike, so the answer reveals nothing). Per-IP
 * throttling: too many failures from one address in 15 minutes refuse further tries for a while.
 */
export async function attemptLogin(db: Db, auth: AuthConfig, a: LoginAttempt): Promise<LoginResult> {
  const { max_failures, window_minutes, lock_minutes } = auth.lockout;
  if (countFailuresForIp(db, a.ip, a.now - IP_WINDOW_MS) >= auth.rate_limits.logins_per_ip_per_15_minutes) {
    return { ok: false, reason: 'throttled', retryAfterSeconds: IP_WINDOW_MS / 1000 };
  }
  const user = findUserByUsername(db, a.username);
  const lockedFor = (until: number) => ({ ok: false as const, reason: 'locked' as const, retryAfterSeconds: Math.ceil((until - a.now) / 1000) });
  if (user?.lockedUntil && user.lockedUntil > a.now) return lockedFor(user.lockedUntil);
  const windowStart = a.now - window_minutes * MINUTE;
  if (!user && countFailuresForUsername(db, a.username, windowStart) >= max_failures) return lockedFor(a.now + lock_minutes * MINUTE);

  const valid = await verifyPassword(user?.passwordHash, a.password);
  if (valid && user && user.active && !user.anonymous) {
    recordLogin(db, user.id, a.now);
    clearFailuresForUsername(db, a.username);
    return { ok: true, user };
  }
  insertLoginFailure(db, a.username, a.ip, a.now);
  if (user && countFailuresForUsername(db, a.username, windowStart) >= max_failures) setLockedUntil(db, user.id, a.now + lock_minutes * MINUTE);
  return { ok: false, reason: 'invalid' };
}
