import type { AuthConfig } from '../config/schemas.ts';
import type { Db } from '../db/client.ts';
import { countUserSessions } from '../db/queries/admin-sessions.ts';
import { withAudit, type AuditActor } from '../db/queries/audit.ts';
import { countActiveAdmins, findUserByUsername, insertAccount, updateActive, updatePassword, updateRole } from '../db/queries/users.ts';
import type { User } from '../db/schema.ts';
import { checkPasswordThrottled } from './login.ts';
import { passwordProblem, USERNAME_PATTERN, type PasswordProblem, type Role } from './account-policy.ts';
import { hashPassword } from './passwords.ts';
import { randomId } from './random.ts';
import { invalidateSession, invalidateUserSessions } from './sessions.ts';
import type { Wait } from './throttle.ts';
import { isUniqueViolation } from '../db/errors.ts';

// Account operations. Each checks its rules, then changes the database and writes its audit entry
// in one transaction: an entry exists exactly when the change happened.

/** Who is acting, and when: recorded in the audit entry of every operation. */
export interface Acting {
  actor: AuditActor;
  now: number;
}

/** What was wrong with a new account's username or password. */
export interface AccountProblems {
  username?: 'invalid' | 'taken';
  password?: PasswordProblem;
}

/** A new account; an empty password means "generate one". */
export interface NewAccountInput {
  username: string;
  role: Role;
  password: string;
  /** Must the password be changed at first sign-in? Default: yes. */
  mustChangePassword?: boolean;
}

/** The password in clear: shown once when it was generated. */
export interface IssuedPassword {
  password: string;
  generated: boolean;
}

export type CreateAccountResult = ({ ok: true; id: string } & IssuedPassword) | { ok: false; problems: AccountProblems };

/** A change refused by a rule: the last active admin must stay one, and nobody demotes or deactivates themselves. */
export type Refusal = 'last-admin' | 'own-account';

export type AccountChange = { ok: true; changed: boolean; sessionsEnded: number } | { ok: false; error: Refusal };

export type ResetPasswordResult = ({ ok: true; sessionsEnded: number } & IssuedPassword) | { ok: false; error: 'own-account' | PasswordProblem };

/** The problems of a new account's username and password, checked against the database. */
function newAccountProblems(db: Db, auth: AuthConfig, input: NewAccountInput): AccountProblems {
  const problems: AccountProblems = {};
  if (!USERNAME_PATTERN.test(input.username)) problems.username = 'invalid';
  else if (findUserByUsername(db, input.username)) problems.username = 'taken';
  if (input.password !== '') problems.password = passwordProblem(input.password, input.role, auth);
  return problems;
}

/** The given password, or a generated one. */
function issue(given: string): IssuedPassword {
  return given === '' ? { password: randomId(), generated: true } : { password: given, generated: false };
}

/** Creates one named account (audit: user.create). */
export async function createAccount(db: Db, auth: AuthConfig, by: Acting, input: NewAccountInput): Promise<CreateAccountResult> {
  const problems = newAccountProblems(db, auth, input);
  if (problems.username || problems.password) return { ok: false, problems };
  const issued = issue(input.password);
  // Hashed before the transaction: nothing may be awaited inside one.
  const account = { username: input.username, role: input.role, passwordHash: await hashPassword(issued.password), mustChangePassword: input.mustChangePassword ?? true, now: by.now };
  const entry = { ...by, action: 'user.create', target: input.username, details: { role: input.role, generatedPassword: issued.generated } };
  try {
    return { ok: true, id: withAudit(db, entry, () => insertAccount(db, account)), ...issued };
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    return { ok: false, problems: { username: 'taken' } };
  }
}

/** Why `by` may not deactivate or demote `target`, or undefined when they may. */
function demotionRefusal(db: Db, by: Acting, target: User): Refusal | undefined {
  if (target.role === 'admin' && target.active && countActiveAdmins(db) <= 1) return 'last-admin';
  if (target.id === by.actor.id) return 'own-account';
  return undefined;
}

/** Runs a change that ends the target's sessions, with its audit entry, in one transaction; returns the sessions ended. */
function changeAndEndSessions(db: Db, by: Acting, target: User, action: string, details: Record<string, unknown>, change: () => void): number {
  return withAudit(
    db,
    (ended: number) => ({ ...by, action, target: target.username ?? target.id, details: { ...details, sessionsEnded: ended } }),
    () => {
      const ended = countUserSessions(db, target.id);
      change();
      invalidateUserSessions(db, target.id);
      return ended;
    },
  );
}

/** Blocks sign-in and ends every session of the account (audit: user.deactivate). */
export function deactivateAccount(db: Db, by: Acting, target: User): AccountChange {
  const refusal = demotionRefusal(db, by, target);
  if (refusal) return { ok: false, error: refusal };
  if (!target.active) return { ok: true, changed: false, sessionsEnded: 0 };
  const ended = changeAndEndSessions(db, by, target, 'user.deactivate', {}, () => updateActive(db, target.id, false));
  return { ok: true, changed: true, sessionsEnded: ended };
}

/** Allows sign-in again (audit: user.activate). */
export function activateAccount(db: Db, by: Acting, target: User): AccountChange {
  if (target.active) return { ok: true, changed: false, sessionsEnded: 0 };
  withAudit(db, { ...by, action: 'user.activate', target: target.username ?? target.id }, () => updateActive(db, target.id, true));
  return { ok: true, changed: true, sessionsEnded: 0 };
}

/** Changes the role and ends the account's sessions, since its privileges changed (audit: user.role). */
export function changeRole(db: Db, by: Acting, target: User, role: Role): AccountChange {
  if (role === target.role) return { ok: true, changed: false, sessionsEnded: 0 };
  const refusal = role !== 'admin' ? demotionRefusal(db, by, target) : undefined;
  if (refusal) return { ok: false, error: refusal };
  const ended = changeAndEndSessions(db, by, target, 'user.role', { from: target.role, to: role }, () => updateRole(db, target.id, role));
  return { ok: true, changed: true, sessionsEnded: ended };
}

/**
 * A new temporary password (given, or generated when empty) that must be changed; ends every session
 * (audit: user.password_reset). Your own password changes with the current one (changeOwnPassword).
 */
export async function resetPassword(db: Db, auth: AuthConfig, by: Acting, target: User, given: string): Promise<ResetPasswordResult> {
  if (target.id === by.actor.id) return { ok: false, error: 'own-account' };
  const problem = given === '' ? undefined : passwordProblem(given, target.role, auth);
  if (problem) return { ok: false, error: problem };
  const issued = issue(given);
  const hash = await hashPassword(issued.password);
  const ended = changeAndEndSessions(db, by, target, 'user.password_reset', { generatedPassword: issued.generated }, () => updatePassword(db, target.id, hash, true));
  return { ok: true, sessionsEnded: ended, ...issued };
}

/** Ends every session of one account (audit: session.revoke_all); returns how many. */
export function endAccountSessions(db: Db, by: Acting, target: User): number {
  return changeAndEndSessions(db, by, target, 'session.revoke_all', {}, () => {});
}

/** Ends one session of a named account (audit: session.revoke, with the id's first characters). */
export function endAccountSession(db: Db, by: Acting, session: { id: string; username: string }): void {
  withAudit(db, { ...by, action: 'session.revoke', target: session.username, details: { session: session.id.slice(0, 6) } }, () => invalidateSession(db, session.id));
}

export type MakeAdminResult = ({ ok: true; created: boolean; sessionsEnded: number } & IssuedPassword) | { ok: false; problems: AccountProblems };

/**
 * `create-admin`: creates an admin, or makes an existing account an admin with a new password and
 * ends its sessions (audit: user.create or user.make_admin). A generated password must be changed.
 */
export async function makeAdmin(db: Db, auth: AuthConfig, by: Acting, input: { username: string; password: string }): Promise<MakeAdminResult> {
  const existing = findUserByUsername(db, input.username);
  const mustChangePassword = input.password === '';
  if (!existing) {
    const res = await createAccount(db, auth, by, { ...input, role: 'admin', mustChangePassword });
    return res.ok ? { ok: true, created: true, sessionsEnded: 0, password: res.password, generated: res.generated } : res;
  }
  const problem = input.password === '' ? undefined : passwordProblem(input.password, 'admin', auth);
  if (problem) return { ok: false, problems: { password: problem } };
  const issued = issue(input.password);
  const hash = await hashPassword(issued.password);
  const ended = changeAndEndSessions(db, by, existing, 'user.make_admin', { from: existing.role, generatedPassword: issued.generated }, () => {
    updateRole(db, existing.id, 'admin');
    updatePassword(db, existing.id, hash, mustChangePassword);
  });
  return { ok: true, created: false, sessionsEnded: ended, ...issued };
}

/** A password change by the account's owner: the current password, the new one twice. */
export interface PasswordChangeInput {
  user: User;
  current: string;
  password: string;
  confirm: string;
  /** The client's address key, for the sign-in throttle. */
  ip: string;
  now: number;
}

/** What was wrong with a password change, per field. */
export interface PasswordChangeProblems {
  current?: 'wrong';
  password?: PasswordProblem | 'same';
  confirm?: 'mismatch';
}

export type PasswordChangeResult = { ok: true } | { ok: false; wait: Wait } | { ok: false; problems: PasswordChangeProblems };

/** The problems of a new password, the current one's check aside. */
function newPasswordProblems(input: PasswordChangeInput, auth: AuthConfig): PasswordChangeProblems {
  const problems: PasswordChangeProblems = {};
  problems.password = passwordProblem(input.password, input.user.role, auth) ?? (input.password === input.current ? 'same' : undefined);
  if (!problems.password && input.confirm !== input.password) problems.confirm = 'mismatch';
  return problems;
}

/**
 * Changes your own password, checking the current one under the sign-in throttle, and ends every
 * session of the account (the caller signs this browser in again). Not audited: the audit log is
 * for what admins do to accounts.
 */
export async function changeOwnPassword(db: Db, auth: AuthConfig, input: PasswordChangeInput): Promise<PasswordChangeResult> {
  const { user } = input;
  const check = await checkPasswordThrottled(db, auth, { username: user.username ?? '', password: input.current, ip: input.ip, now: input.now }, user);
  if (!check.ok && check.reason !== 'invalid') return { ok: false, wait: check };
  const problems = { ...(check.ok ? {} : { current: 'wrong' as const }), ...newPasswordProblems(input, auth) };
  if (problems.current || problems.password || problems.confirm) return { ok: false, problems };
  const hash = await hashPassword(input.password);
  db.transaction(() => {
    updatePassword(db, user.id, hash, false);
    invalidateUserSessions(db, user.id);
  });
  return { ok: true };
}
