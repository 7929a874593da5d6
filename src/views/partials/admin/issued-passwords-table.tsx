import { IssuedPasswordRow, type IssuedPassword } from './issued-password-row.tsx';

/** The accounts just created or reset, with their temporary passwords. */
export function IssuedPasswordsTable({ accounts }: { accounts: IssuedPassword[] }) {
  return (
    <div class="table-wrap">
      <table class="data-table">
        <caption>Accounts and their temporary passwords</caption>
        <thead>
          <tr>
            <th scope="col">Username</th>
            <th scope="col">Role</th>
            <th scope="col">Temporary password</th>
          </tr>
        </thead>
        <tbody>
          {accounts.map((a) => (
            <IssuedPasswordRow account={a} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
