import * as v from 'valibot';
import { passwordProblemText, ROLE_IN_WORDS, ROLE_RULE, type PasswordProblem } from '../../auth/account-policy.ts';
import { activateAccount, changeRole as changeAccountRole, deactivateAccount, resetPassword as resetAccountPassword, type Refusal } from '../../auth/accounts.ts';
import { ROLES, type User } from '../../db/schema.ts';
import { wantsJson, type Ctx } from '../../http/context.ts';
import { readForm } from '../../http/form.ts';
import { plural } from '../../views/format.ts';
import type { RowError } from '../../views/partials/admin/user-actions.tsx';
import { accountNotFound, done, loadAccount, refuse, renderUsersPage } from './users-shared.tsx';
import { actingUser } from '../../http/acting.ts';

/** The role-change form. */
export const ChangeRoleSchema = v.object({ role: v.picklist(ROLES, ROLE_RULE) });

/** The password-reset form: empty means "generate one". */
export const ResetPasswordSchema = v.object({ password: v.optional(v.string(), '') });

/** Why the signed-in admin may not deactivate or demote `target`, in words. */
function refusalText(target: User, refusal: Refusal, what: 'deactivate' | 'demote'): string {
  if (refusal === 'last-admin') {
    return `${target.username} is the last active administrator and can't be ${what === 'deactivate' ? 'deactivated' : 'made a student'}. Make another account an administrator first.`;
  }
  return what === 'deactivate' ? "You can't deactivate your own account. Another administrator can." : "You can't remove your own administrator role. Another administrator can.";
}

function rowFailed(c: Ctx, error: RowError) {
  if (wantsJson(c)) return c.json({ error: error.message, field: error.field }, 422);
  return renderUsersPage(c, { rowError: error }, 422);
}

/** A refused reset: your own password changes through /account/password, which asks for the current one. */
function resetFailed(c: Ctx, target: User, error: 'own-account' | PasswordProblem) {
  if (error === 'own-account') return refuse(c, 'Change your own password on the Change password page (it asks for your current password).');
  return rowFailed(c, { userId: target.id, field: 'password', message: passwordProblemText(error, target.role, c.var.deps.config.current.files.auth) });
}

const roleName = (role: User['role']) => ROLE_IN_WORDS[role];

/** POST /admin/users/:id/deactivate — blocks sign-in and ends every session of the account. */
export async function deactivateUser(c: Ctx) {
  const form = await readForm(c);
  if (!form.ok) return form.response;
  const target = loadAccount(c);
  if (!target) return accountNotFound(c);
  const res = deactivateAccount(c.var.deps.db, actingUser(c), target);
  if (!res.ok) return refuse(c, refusalText(target, res.error, 'deactivate'));
  if (!res.changed) return done(c, `${target.username} is already deactivated.`);
  return done(c, `Deactivated ${target.username}; ${plural(res.sessionsEnded, 'session', 'sessions')} ended.`);
}

/** POST /admin/users/:id/activate — allows sign-in again. */
export async function activateUser(c: Ctx) {
  const form = await readForm(c);
  if (!form.ok) return form.response;
  const target = loadAccount(c);
  if (!target) return accountNotFound(c);
  const res = activateAccount(c.var.deps.db, actingUser(c), target);
  return done(c, res.ok && res.changed ? `Activated ${target.username}.` : `${target.username} is already active.`);
}

/** POST /admin/users/:id/role — changes the role and ends the account's sessions (its privileges changed). */
export async function changeRole(c: Ctx) {
  const form = await readForm(c);
  if (!form.ok) return form.response;
  const target = loadAccount(c);
  if (!target) return accountNotFound(c);
  const parsed = v.safeParse(ChangeRoleSchema, form.fields);
  if (!parsed.success) return rowFailed(c, { userId: target.id, field: 'role', message: parsed.issues[0].message });
  const role = parsed.output.role;
  const res = changeAccountRole(c.var.deps.db, actingUser(c), target, role);
  if (!res.ok) return refuse(c, refusalText(target, res.error, 'demote'));
  if (!res.changed) return done(c, `${target.username} is already ${roleName(role)}.`);
  return done(c, `${target.username} is now ${roleName(role)}; ${plural(res.sessionsEnded, 'session', 'sessions')} ended.`);
}

/** POST /admin/users/:id/password — a new temporary password (given or generated), must be changed; ends every session. */
export async function resetPassword(c: Ctx) {
  const form = await readForm(c);
  if (!form.ok) return form.response;
  const target = loadAccount(c);
  if (!target) return accountNotFound(c);
  const parsed = v.safeParse(ResetPasswordSchema, form.fields);
  if (!parsed.success) return rowFailed(c, { userId: target.id, field: 'password', message: 'Enter the password as text.' });
  const auth = c.var.deps.config.current.files.auth;
  const res = await resetAccountPassword(c.var.deps.db, auth, actingUser(c), target, parsed.output.password);
  if (!res.ok) return resetFailed(c, target, res.error);
  const message = `Reset the password of ${target.username}; ${plural(res.sessionsEnded, 'session', 'sessions')} ended. They must choose a new password at next sign-in.`;
  if (!res.generated) return done(c, message);
  if (wantsJson(c)) return c.json({ ok: true, message, password: res.password });
  return renderUsersPage(c, { issued: { title: `New password for ${target.username}`, accounts: [{ username: target.username!, role: target.role, password: res.password }] } }, 200);
}
