import type { User } from '../../../db/schema.ts';
import type { PageContext } from '../../../http/page-context.ts';
import { AdminPage } from '../../layouts/admin-page.tsx';
import type { RowError } from '../../partials/admin/user-actions.tsx';
import { UserCreateForm, type UserCreateState } from '../../partials/admin/user-create-form.tsx';
import { UserImportForm, type UserImportState } from '../../partials/admin/user-import-form.tsx';
import { UserResultPanel, type IssuedPassword } from '../../partials/admin/user-result-panel.tsx';
import type { AccountRow } from '../../partials/admin/user-row.tsx';
import { UsersTable } from '../../partials/admin/users-table.tsx';

export interface UsersPageProps {
  ctx: PageContext;
  users: AccountRow[];
  currentUserId: string;
  minLengths: Record<User['role'], number>;
  maxImportLines: number;
  create: UserCreateState;
  importForm: UserImportState;
  /** Accounts just created or reset, with their generated passwords (shown once). */
  issued?: { title: string; accounts: IssuedPassword[] };
  /** Why an action was refused (409), shown at the top. */
  problem?: string;
  rowError?: RowError;
}

/** GET /admin/users: the accounts table, then the create and import forms. */
export function UsersPage(p: UsersPageProps) {
  const createErrors = Object.values(p.create.errors).filter(Boolean).length > 0;
  const importErrors = p.importForm.errors.length > 0;
  const failed = Boolean(p.problem || p.rowError || createErrors || importErrors);
  return (
    <AdminPage title={failed ? 'Error: Users' : 'Users'} ctx={p.ctx} section="/admin/users">
      <h1>Users</h1>
      {p.problem ? (
        <p class="notice error-notice" role="alert">
          {p.problem}
        </p>
      ) : null}
      {createErrors ? (
        <p class="notice error-notice" role="alert">
          The account was not created. <a href="#create-user">Correct the form below</a>.
        </p>
      ) : null}
      {importErrors ? (
        <p class="notice error-notice" role="alert">
          Nothing was imported. <a href="#import-users">See the problems below</a>.
        </p>
      ) : null}
      {p.rowError ? (
        <p class="notice error-notice" role="alert">
          {p.rowError.message} <a href={`#user-${p.rowError.userId}`}>Go to the account</a>.
        </p>
      ) : null}
      {p.issued ? <UserResultPanel title={p.issued.title} accounts={p.issued.accounts} /> : null}
      <UsersTable users={p.users} currentUserId={p.currentUserId} rowError={p.rowError} />
      <p class="hint">
        Deactivating an account, resetting its password or changing its role ends all of its sessions. <a href="/admin/sessions">See active sessions</a>.
      </p>
      <h2 id="create-heading">Create a user</h2>
      <UserCreateForm state={p.create} minLengths={p.minLengths} />
      <h2 id="import-heading">Import users</h2>
      <UserImportForm state={p.importForm} maxLines={p.maxImportLines} />
    </AdminPage>
  );
}
