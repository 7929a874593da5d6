import { ROLE_LABELS } from '../../../auth/account-policy.ts';
import type { AccountSessionRow } from '../../../db/queries/admin-sessions.ts';
import { formatDate, isoDate } from '../../format.ts';

export interface SessionRowProps {
  session: AccountSessionRow;
  current: boolean;
}

/** Browser descriptions are long; the start tells sessions apart. */
const AGENT_CHARS = 60;

function when(ms: number) {
  return <time datetime={isoDate(ms)}>{formatDate(ms)}</time>;
}

/** One active session: whose, since when, from where, and a Revoke form (only the id's first characters shown). */
export function SessionRow({ session: s, current }: SessionRowProps) {
  const agent = s.userAgent ?? '';
  return (
    <tr class={current ? 'current-session' : undefined}>
      <th scope="row">
        {s.username}
        {current ? <span class="badge">this session</span> : null}
      </th>
      <td>{ROLE_LABELS[s.role]}</td>
      <td>
        <code>{s.id.slice(0, 6)}…</code>
      </td>
      <td>{when(s.createdAt)}</td>
      <td>{when(s.lastVerifiedAt)}</td>
      <td>{when(s.expiresAt)}</td>
      <td>{s.ip ?? <span class="hint">unknown</span>}</td>
      <td>{agent ? (agent.length > AGENT_CHARS ? `${agent.slice(0, AGENT_CHARS)}…` : agent) : <span class="hint">unknown</span>}</td>
      <td>
        <form method="post" action={`/admin/sessions/${encodeURIComponent(s.id)}/revoke`} class="inline-form">
          <button type="submit" class="button">
            {current ? 'Revoke (signs you out)' : 'Revoke'}
            <span class="visually-hidden">
              {' '}
              session {s.id.slice(0, 6)} of {s.username}
            </span>
          </button>
        </form>
      </td>
    </tr>
  );
}
