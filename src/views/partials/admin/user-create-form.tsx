import type { User } from '../../../db/schema.ts';
import { describedBy, FieldNotes } from '../field-notes.tsx';
import { RoleOptions } from './role-options.tsx';

/** What the create form shows: the values typed (never the password) and an error per field. */
export interface UserCreateState {
  values: { username: string; role: string };
  errors: { username?: string; role?: string; password?: string };
}

export interface UserCreateFormProps {
  state: UserCreateState;
  minLengths: Record<User['role'], number>;
}

/** POST /admin/users: one account; an empty password is generated and shown once. */
export function UserCreateForm({ state, minLengths }: UserCreateFormProps) {
  const { values, errors } = state;
  const passwordHint = `Leave empty to generate one. At least ${minLengths.admin} characters for administrators and instructors, ${minLengths.student} for students. The user must choose a new password at first sign-in.`;
  return (
    <form method="post" action="/admin/users" class="stack-form" id="create-user">
      <label for="new-username">Username</label>
      <FieldNotes id="new-username" hint="3 to 40 characters: letters, digits, dot, underscore or hyphen." error={errors.username} />
      <input
        id="new-username"
        name="username"
        type="text"
        autocomplete="off"
        spellcheck={false}
        required
        maxlength={40}
        value={values.username}
        aria-invalid={errors.username ? 'true' : undefined}
        aria-describedby={describedBy('new-username', true, errors.username)}
      />
      <label for="new-role">Role</label>
      <FieldNotes id="new-role" error={errors.role} />
      <select id="new-role" name="role" aria-invalid={errors.role ? 'true' : undefined} aria-describedby={describedBy('new-role', false, errors.role)}>
        <RoleOptions selected={values.role} />
      </select>
      <label for="new-password">Password (optional)</label>
      <FieldNotes id="new-password" hint={passwordHint} error={errors.password} />
      <input
        id="new-password"
        name="password"
        type="password"
        autocomplete="new-password"
        aria-invalid={errors.password ? 'true' : undefined}
        aria-describedby={describedBy('new-password', true, errors.password)}
      />
      <div class="form-actions">
        <button type="submit" class="button primary">
          Create user
        </button>
      </div>
    </form>
  );
}
