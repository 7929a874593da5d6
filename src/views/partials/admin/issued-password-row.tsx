import type { User } from '../../../db/schema.ts';

/** An account just created or reset; `password` only when the server generated it. */
export interface IssuedPassword {
  username: string;
  role: User['role'];
  password?: string;
}

/** One account and its temporary password (or "as given" when the administrator typed it). */
export function IssuedPasswordRow({ account: a }: { account: IssuedPassword }) {
  return (
    <tr>
      <th scope="row">{a.username}</th>
      <td>{a.role}</td>
      <td>{a.password ? <code class="secret">{a.password}</code> : <span class="hint">as given</span>}</td>
    </tr>
  );
}
