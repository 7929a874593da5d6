import * as v from 'valibot';
import { passwordProblemText, ROLE_RULE, USERNAME_PATTERN, USERNAME_RULE, type Role } from '../../auth/account-policy.ts';
import { createAccount, type AccountProblems } from '../../auth/accounts.ts';
import type { AuthConfig } from '../../config/schemas.ts';
import { listAccounts } from '../../db/queries/users.ts';
import { ROLES } from '../../db/schema.ts';
import { wantsJson, type Ctx } from '../../http/context.ts';
import { readForm } from '../../http/form.ts';
import type { UserCreateState } from '../../views/partials/admin/user-create-form.tsx';
import { done, renderUsersPage } from './users-shared.tsx';
import { actingUser } from '../../http/acting.ts';

export { activateUser, changeRole, deactivateUser, resetPassword } from './user-actions.tsx';
export { importUsers } from './user-import.tsx';

export const UsernameSchema = v.pipe(v.string('Enter a username.'), v.trim(), v.nonEmpty('Enter a username.'), v.regex(USERNAME_PATTERN, USERNAME_RULE));

export const RoleSchema = v.picklist(ROLES, ROLE_RULE);

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

/** The form's values as the page shows them again. */
function createValues(fields: Record<string, unknown>): UserCreateState['values'] {
  return { username: typeof fields.username === 'string' ? fields.username.trim() : '', role: typeof fields.role === 'string' ? fields.role : 'student' };
}

/** The form's shape errors, beside their fields. */
function schemaErrors(issues: [v.InferIssue<typeof CreateUserSchema>, ...v.InferIssue<typeof CreateUserSchema>[]]): UserCreateState['errors'] {
  const nested = v.flatten<typeof CreateUserSchema>(issues).nested ?? {};
  return { username: nested.username?.[0], role: nested.role?.[0], password: nested.password?.[0] };
}

/** The account rules' problems, in words. */
function problemErrors(problems: AccountProblems, input: { username: string; role: Role }, auth: AuthConfig): UserCreateState['errors'] {
  const username = problems.username === 'taken' ? `The username ${input.username} is taken. Choose another.` : problems.username && USERNAME_RULE;
  return { username, password: problems.password && passwordProblemText(problems.password, input.role, auth) };
}

function createFailed(c: Ctx, state: UserCreateState) {
  if (wantsJson(c)) return c.json({ error: 'The account was not created.', fields: state.errors }, 422);
  return renderUsersPage(c, { create: state }, 422);
}

/** POST /admin/users — one account; an empty password is generated, shown once, and must be changed. */
export async function createUser(c: Ctx) {
  const form = await readForm(c);
  if (!form.ok) return form.response;
  const values = createValues(form.fields);
  const parsed = v.safeParse(CreateUserSchema, form.fields);
  if (!parsed.success) return createFailed(c, { values, errors: schemaErrors(parsed.issues) });
  const input = parsed.output;
  const auth = c.var.deps.config.current.files.auth;
  const res = await createAccount(c.var.deps.db, auth, actingUser(c), input);
  if (!res.ok) return createFailed(c, { values, errors: problemErrors(res.problems, input, auth) });
  if (wantsJson(c)) return c.json({ id: res.id, username: input.username, role: input.role, password: res.generated ? res.password : undefined }, 201);
  if (!res.generated) return done(c, `Created ${input.username}. They must choose a new password at first sign-in.`);
  return renderUsersPage(c, { issued: { title: `Created ${input.username}`, accounts: [{ username: input.username, role: input.role, password: res.password }] } }, 201);
}
