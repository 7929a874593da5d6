import type { IssuedPassword } from './issued-password-row.tsx';
import { IssuedPasswordsTable } from './issued-passwords-table.tsx';

export type { IssuedPassword } from './issued-password-row.tsx';

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
      <IssuedPasswordsTable accounts={accounts} />
    </section>
  );
}
