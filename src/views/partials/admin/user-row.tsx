import { ROLE_LABELS } from '../../../auth/account-policy.ts';
import type { listAccounts } from '../../../db/queries/users.ts';
import { formatDate, isoDate } from '../../format.ts';
import { UserActions, type RowError } from './user-actions.tsx';

/** A named account as the users table shows it. */
export type AccountRow = ReturnType<typeof listAccounts>[number];

export interface UserRowProps {
  user: AccountRow;
  self: boolean;
  error?: RowError;
}

function when(ms: number | null, none: string) {
  return ms == null ? <span class="hint">{none}</span> : <time datetime={isoDate(ms)}>{formatDate(ms)}</time>;
}

/** One row of /admin/users: what the account is, and its action forms. */
export function UserRow({ user, self, error }: UserRowProps) {
  return (
    <tr id={`user-${user.id}`} class={user.active ? undefined : 'inactive'}>
      <th scope="row">
        {user.username}
        {self ? <span class="badge">you</span> : null}
      </th>
      <td>{ROLE_LABELS[user.role]}</td>
      <td>{user.active ? 'Active' : <strong>Deactivated</strong>}</td>
      <td>{user.mustChangePassword ? 'Yes' : 'No'}</td>
      <td>
        {when(user.lastLoginAt, 'Never')}
      </td>
      <td>
        {when(user.createdAt, '')}
      </td>
      <td>
        <UserActions user={user} self={self} error={error} />
      </td>
    </tr>
  );
}
