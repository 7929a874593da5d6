import type { User } from '../../../db/schema.ts';
import { RoleOptions } from './role-options.tsx';
import { describedBy, FieldNotes } from '../field-notes.tsx';

/** An error from one row's form, shown beside that form's field. */
export interface RowError {
  userId: string;
  field: 'role' | 'password';
  message: string;
}

export interface UserActionsProps {
  /** What the forms need of the account (a users-table row has more); not the row type, so the row can import this. */
  user: Pick<User, 'id' | 'username' | 'role' | 'active'>;
  self: boolean;
  error?: RowError;
}

/** One account's actions, each a POST form with its own button; opened when one of them failed. */
export function UserActions({ user, self, error }: UserActionsProps) {
  const base = `/admin/users/${encodeURIComponent(user.id)}`;
  const name = user.username ?? '';
  const who = <span class="visually-hidden"> {name}</span>;
  const err = (field: RowError['field']) => (error?.userId === user.id && error.field === field ? error.message : undefined);
  const pwId = `password-${user.id}`;
  const roleId = `role-${user.id}`;
  return (
    <details class="row-actions" open={err('password') || err('role') ? true : undefined}>
      <summary>
        Manage{who}
      </summary>
      {self ? (
        <p class="hint">
          This is you. <a href="/account/password">Change your own password</a>; another administrator can change your role or deactivate you.
        </p>
      ) : (
        <>
          <form method="post" action={`${base}/${user.active ? 'deactivate' : 'activate'}`} class="action-form">
            <button type="submit" class="button">
              {user.active ? 'Deactivate' : 'Activate'}
              {who}
            </button>
          </form>
          <form method="post" action={`${base}/password`} class="action-form">
            <label for={pwId}>New password for {name}</label>
            <FieldNotes id={pwId} hint="Empty: generate one." error={err('password')} />
            <input id={pwId} name="password" type="password" autocomplete="new-password" aria-invalid={err('password') ? 'true' : undefined} aria-describedby={describedBy(pwId, true, err('password'))} />
            <button type="submit" class="button">
              Reset password{who}
            </button>
          </form>
          <form method="post" action={`${base}/role`} class="action-form">
            <label for={roleId}>Role of {name}</label>
            <FieldNotes id={roleId} error={err('role')} />
            <select id={roleId} name="role" aria-invalid={err('role') ? 'true' : undefined} aria-describedby={describedBy(roleId, false, err('role'))}>
              <RoleOptions selected={user.role} />
            </select>
            <button type="submit" class="button">
              Change role{who}
            </button>
          </form>
        </>
      )}
      <form method="post" action={`${base}/sessions/revoke`} class="action-form">
        <input type="hidden" name="back" value="/admin/users" />
        <button type="submit" class="button">
          {self ? 'Sign out everywhere' : 'End all sessions'}
          {self ? null : who}
        </button>
      </form>
    </details>
  );
}
