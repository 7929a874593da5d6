import * as v from 'valibot';
import { hashPassword } from '../../auth/passwords.ts';
import { randomId } from '../../auth/random.ts';
import { withAudit } from '../../db/queries/audit.ts';
import { findUserByUsername, insertAccount, isDuplicateUsername, listAccounts } from '../../db/queries/users.ts';
import { wantsJson, type Ctx } from '../../http/context.ts';
import { readForm } from '../../http/form.ts';
import type { UserCreateState } from '../../views/partials/admin/user-create-form.tsx';
import { auditBy, done, USERNAME_PATTERN, minPasswordLengths, passwordProblem, renderUsersPage } from './users-shared.tsx';

export { activateUser, changeRole, deactivateUser, resetPassword } from './user-actions.tsx';
export { importUsers } from './user-import.tsx';

export const UsernameSchema = v.pipe(
  v.string('Enter a username.'),
  v.trim(),
  v.nonEmpty('Enter a username.'),
  v.regex(USERNAME_PATTERN, 'Use 3 to 40 characters: letters, digits, dot, underscore or hyphen.'),
);

export const RoleSchema = v.picklist(['student', 'admin'], 'Choose a role: student or administrator.');

/** The create-user form. The password's minimum length depends on the role (see passwordProblem). */
export const CreateUserSchema = v.object({
  username: UsernameSchema,
  role: RoleSchema,
  password: v.optional(v.string('Enter the password as text.'), ''),
});

/** GET /admin/users — the accounts (also JSON, never with password hashes). */
export function listUsers(c: Ctx) {
  if (wantsJson(c)) {
    return c.json({ users: listAccounts(c.var.deps.db) });
  }
  return renderUsersPage(c);
}

/** Field errors of a create form, including the role-dependent password length and a taken username. */
function createErrors(c: Ctx, fields: Record<string, unknown>): { state: UserCreateState; input?: v.InferOutput<typeof CreateUserSchema> } {
  const parsed = v.safeParse(CreateUserSchema, fields);
  const errors: UserCreateState['errors'] = {};
  if (!parsed.success) {
    const nested = v.flatten<typeof CreateUserSchema>(parsed.issues).nested ?? {};
    errors.username = nested.username?.[0];
    errors.role = nested.role?.[0];
    errors.password = nested.password?.[0];
  } else {
    const { username, role, password } = parsed.output;
    if (findUserByUsername(c.var.deps.db, username)) errors.username = `The username ${username} is taken. Choose another.`;
    if (password !== '') errors.password = passwordProblem(password, role, minPasswordLengths(c));
  }
  const values = { username: typeof fields.username === 'string' ? fields.username.trim() : '', role: typeof fields.role === 'string' ? fields.role : 'student' };
  const failed = Boolean(errors.username || errors.role || errors.password);
  return { state: { values, errors }, input: parsed.success && !failed ? parsed.output : undefined };
}

function createFailed(c: Ctx, state: UserCreateState) {
  if (wantsJson(c)) return c.json({ error: 'The account was not created.', fields: state.errors }, 422);
  return renderUsersPage(c, { create: state }, 422);
}

/** POST /admin/users — one account; an empty password is generated, shown once, and must be changed. */
export async function createUser(c: Ctx) {
  const form = await readForm(c);
  if (!form.ok) return form.response;
  const { state, input } = createErrors(c, form.fields);
  if (!input) return createFailed(c, state);
  const generated = input.password === '';
  const password = generated ? randomId() : input.password;
  const passwordHash = await hashPassword(password);
  const { db, now } = c.var.deps;
  let id: string;
  try {
    const account = { username: input.username, passwordHash, role: input.role, mustChangePassword: true, now: now() };
    id = withAudit(db, auditBy(c, 'user.create', input.username, { role: input.role, generatedPassword: generated }), () => insertAccount(db, account));
  } catch (err) {
    if (!isDuplicateUsername(err)) throw err;
    return createFailed(c, { ...state, errors: { username: `The username ${input.username} is taken. Choose another.` } });
  }
  if (wantsJson(c)) return c.json({ id, username: input.username, role: input.role, password: generated ? password : undefined }, 201);
  if (!generated) return done(c, `Created ${input.username}. They must choose a new password at first sign-in.`);
  return renderUsersPage(c, { issued: { title: `Created ${input.username}`, accounts: [{ username: input.username, role: input.role, password }] } }, 201);
}
