import * as v from 'valibot';
import { hashPassword } from '../../auth/passwords.ts';
import { randomId } from '../../auth/random.ts';
import { invalidateUserSessions } from '../../auth/sessions.ts';
import { countUserSessions } from '../../db/queries/admin-sessions.ts';
import { withAudit } from '../../db/queries/audit.ts';
import { countActiveAdmins, updateActive, updatePassword, updateRole } from '../../db/queries/users.ts';
import type { User } from '../../db/schema.ts';
import { wantsJson, type Ctx } from '../../http/context.ts';
import { readForm } from '../../http/form.ts';
import { plural } from '../../views/format.ts';
import type { RowError } from '../../views/partials/admin/user-actions.tsx';
import { accountNotFound, auditBy, done, loadAccount, minPasswordLengths, passwordProblem, refuse, renderUsersPage } from './users-shared.tsx';

/** The role-change form. */
export const ChangeRoleSchema = v.object({ role: v.picklist(['student', 'admin'], 'Choose a role: student or administrator.') });

/** The password-reset form: empty means "generate one". */
export const ResetPasswordSchema = v.object({ password: v.optional(v.string(), '') });

/** Why this admin may not deactivate or demote `target`, or undefined when they may. */
function demotionRefusal(c: Ctx, target: User, what: 'deactivate' | 'demote'): string | undefined {
  if (target.role === 'admin' && target.active && countActiveAdmins(c.var.deps.db) <= 1) {
    return `${target.username} is the last active administrator and can't be ${what === 'deactivate' ? 'deactivated' : 'made a student'}. Make another account an administrator first.`;
  }
  if (target.id === c.var.user?.id) {
    return what === 'deactivate' ? "You can't deactivate your own account. Another administrator can." : "You can't remove your own administrator role. Another administrator can.";
  }
  return undefined;
}

/** Runs a change that ends the target's sessions, with its audit entry, in one transaction; returns the sessions ended. */
function changeAndEndSessions(c: Ctx, target: User, action: string, details: Record<string, unknown>, change: () => void): number {
  const db = c.var.deps.db;
  return withAudit(
    db,
    (ended: number) => auditBy(c, action, target.username!, { ...details, sessionsEnded: ended }),
    () => {
      const ended = countUserSessions(db, target.id);
      change();
      invalidateUserSessions(db, target.id);
      return ended;
    },
  );
}

function rowFailed(c: Ctx, error: RowError) {
  if (wantsJson(c)) return c.json({ error: error.message, field: error.field }, 422);
  return renderUsersPage(c, { rowError: error }, 422);
}

/** POST /admin/users/:id/deactivate — blocks sign-in and ends every session of the account. */
export async function deactivateUser(c: Ctx) {
  const form = await readForm(c);
  if (!form.ok) return form.response;
  const target = loadAccount(c);
  if (!target) return accountNotFound(c);
  const refusal = demotionRefusal(c, target, 'deactivate');
  if (refusal) return refuse(c, refusal);
  if (!target.active) return done(c, `${target.username} is already deactivated.`);
  const ended = changeAndEndSessions(c, target, 'user.deactivate', {}, () => updateActive(c.var.deps.db, target.id, false));
  return done(c, `Deactivated ${target.username}; ${plural(ended, 'session', 'sessions')} ended.`);
}

/** POST /admin/users/:id/activate — allows sign-in again. */
export async function activateUser(c: Ctx) {
  const form = await readForm(c);
  if (!form.ok) return form.response;
  const target = loadAccount(c);
  if (!target) return accountNotFound(c);
  if (target.active) return done(c, `${target.username} is already active.`);
  const db = c.var.deps.db;
  withAudit(db, auditBy(c, 'user.activate', target.username!), () => updateActive(db, target.id, true));
  return done(c, `Activated ${target.username}.`);
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
  if (role === target.role) return done(c, `${target.username} is already ${role === 'admin' ? 'an administrator' : 'a student'}.`);
  const refusal = role === 'student' ? demotionRefusal(c, target, 'demote') : undefined;
  if (refusal) return refuse(c, refusal);
  const ended = changeAndEndSessions(c, target, 'user.role', { from: target.role, to: role }, () => updateRole(c.var.deps.db, target.id, role));
  return done(c, `${target.username} is now ${role === 'admin' ? 'an administrator' : 'a student'}; ${plural(ended, 'session', 'sessions')} ended.`);
}

/** POST /admin/users/:id/password — a new temporary password (given or generated), must be changed; ends every session. */
export async function resetPassword(c: Ctx) {
  const form = await readForm(c);
  if (!form.ok) return form.response;
  const target = loadAccount(c);
  if (!target) return accountNotFound(c);
  // Your own password changes through /account/password, which asks for the current one.
  if (target.id === c.var.user?.id) return refuse(c, 'Change your own password on the Change password page (it asks for your current password).');
  const parsed = v.safeParse(ResetPasswordSchema, form.fields);
  const given = parsed.success ? parsed.output.password : '';
  const problem = given === '' ? undefined : passwordProblem(given, target.role, minPasswordLengths(c));
  if (!parsed.success || problem) return rowFailed(c, { userId: target.id, field: 'password', message: problem ?? 'Enter the password as text.' });
  const password = given === '' ? randomId() : given;
  const hash = await hashPassword(password);
  const ended = changeAndEndSessions(c, target, 'user.password_reset', { generatedPassword: given === '' }, () => updatePassword(c.var.deps.db, target.id, hash, true));
  const message = `Reset the password of ${target.username}; ${plural(ended, 'session', 'sessions')} ended. They must choose a new password at next sign-in.`;
  if (given !== '') return done(c, message);
  if (wantsJson(c)) return c.json({ ok: true, message, password });
  const issued = { title: `New password for ${target.username}`, accounts: [{ username: target.username!, role: target.role, password }] };
  return renderUsersPage(c, { issued }, 200);
}
