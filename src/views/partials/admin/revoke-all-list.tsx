import type { AccountSessionRow } from '../../../db/queries/admin-sessions.ts';
import { plural } from '../../format.ts';

export interface RevokeAllListProps {
  sessions: AccountSessionRow[];
  /** The viewer: revoking their own sessions signs them out, and the button says so. */
  currentUserId: string;
}

/** Each account with sessions once, in the order of the sessions table. */
function byUser(sessions: AccountSessionRow[]): { userId: string; username: string; count: number }[] {
  const users = new Map<string, { userId: string; username: string; count: number }>();
  for (const s of sessions) {
    const u = users.get(s.userId) ?? { userId: s.userId, username: s.username, count: 0 };
    u.count++;
    users.set(s.userId, u);
  }
  return [...users.values()];
}

/** A "Revoke all" form per account with sessions: POST /admin/users/:id/sessions/revoke, back to this page. */
export function RevokeAllList({ sessions, currentUserId }: RevokeAllListProps) {
  return (
    <ul class="revoke-all-list">
      {byUser(sessions).map((u) => (
        <li>
          <form method="post" action={`/admin/users/${encodeURIComponent(u.userId)}/sessions/revoke`} class="inline-form">
            <input type="hidden" name="back" value="/admin/sessions" />
            {u.username}: {plural(u.count, 'session', 'sessions')}{' '}
            <button type="submit" class="button">
              Revoke all<span class="visually-hidden"> sessions of {u.username}</span>
              {u.userId === currentUserId ? ' (signs you out)' : ''}
            </button>
          </form>
        </li>
      ))}
    </ul>
  );
}
