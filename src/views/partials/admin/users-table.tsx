import type { RowError } from './user-actions.tsx';
import { UserRow, type AccountRow } from './user-row.tsx';

export interface UsersTableProps {
  users: AccountRow[];
  currentUserId: string;
  rowError?: RowError;
}

/** The named accounts, administrators first, each with its action forms. */
export function UsersTable({ users, currentUserId, rowError }: UsersTableProps) {
  return (
    <div class="table-wrap">
      <table class="data-table users-table">
        <caption>Accounts ({users.length})</caption>
        <thead>
          <tr>
            <th scope="col">Username</th>
            <th scope="col">Role</th>
            <th scope="col">Status</th>
            <th scope="col">Must change password</th>
            <th scope="col">Last sign-in</th>
            <th scope="col">Created</th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <UserRow user={u} self={u.id === currentUserId} error={rowError} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
