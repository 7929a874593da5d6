import type { User } from '../../../db/schema.ts';

/** An account just created or reset; `password` only when the server generated it. */
export interface IssuedPassword {
  username: string;
  role: User['role'];
  password?: string;
}

export interface UserResultPanelProps {
  title: string;
  accounts: IssuedPassword[];
}

/** The one and only time generated passwords are shown (they are stored only as hashes). */
export function UserResultPanel({ title, accounts }: UserResultPanelProps) {
  return (
    <section class="notice result-panel" aria-labelledby="result-title" role="status">
      <h2 id="result-title">{title}</h2>
      <p>
        Copy the generated passwords now and give each to its user: they are <strong>shown only this once</strong>. Each user must choose a new password at first sign-in.
      </p>
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
              <tr>
                <th scope="row">{a.username}</th>
                <td>{a.role}</td>
                <td>{a.password ? <code class="secret">{a.password}</code> : <span class="hint">as given</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
