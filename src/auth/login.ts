import type { AuthConfig } from '../config/schemas.ts';
import type { Db } from '../db/client.ts';
import { clearFailuresForPair, insertLoginFailure } from '../db/queries/login-failures.ts';
import { findUserByUsername, recordLogin } from '../db/queries/users.ts';
import type { User } from '../db/schema.ts';
import { verifyPassword } from './passwords.ts';
import { signInWait, type Wait } from './throttle.ts';

export type PasswordCheck =
  | { ok: true }
  /** Unknown user, wrong password and deactivated account all look the same. */
  | { ok: false; reason: 'invalid' }
  | ({ ok: false } & Wait);

export type LoginResult = { ok: true; user: User } | Exclude<PasswordCheck, { ok: true }>;

export interface LoginAttempt {
  username: string;
  password: string;
  /** The client's address key (see clientKey). */
  ip: string;
  now: number;
}

/**
 * Checks a password under the sign-in throttle (sign-in and the password change share it). While
 * the pair or the address must wait, the password is not even checked.
 */
export async function checkPasswordThrottled(db: Db, auth: AuthConfig, a: LoginAttempt, user: User | undefined): Promise<PasswordCheck> {
  const wait = signInWait(db, auth, a.username, a.ip, a.now);
  if (wait) return { ok: false, ...wait };
  // Counted as failed before argon2 runs, so parallel tries cannot all slip past the wait; a success deletes it again.
  insertLoginFailure(db, a.username, a.ip, a.now);
  const valid = await verifyPassword(user?.passwordHash, a.password);
  if (!valid || !user || !user.active || user.anonymous) return { ok: false, reason: 'invalid' };
  clearFailuresForPair(db, a.username, a.ip);
  return { ok: true };
}

/** Signs in: a known, active account with the right password, unless this address must wait. */
export async function attemptLogin(db: Db, auth: AuthConfig, a: LoginAttempt): Promise<LoginResult> {
  const user = findUserByUsername(db, a.username);
  const res = await checkPasswordThrottled(db, auth, a, user);
  if (!res.ok) return res;
  recordLogin(db, user!.id, a.now);
  return { ok: true, user: user! };
}
