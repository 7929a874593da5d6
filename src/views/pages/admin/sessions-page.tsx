import type { AccountSessionRow } from '../../../db/queries/admin-sessions.ts';
import type { PageContext } from '../../../http/page-context.ts';
import { plural } from '../../format.ts';
import { AdminPage } from '../../layouts/admin-page.tsx';
import { SessionRow } from '../../partials/admin/session-row.tsx';

export interface SessionsPageProps {
  ctx: PageContext;
  sessions: AccountSessionRow[];
  currentSessionId: string;
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

/** GET /admin/sessions: signed-in accounts' unexpired sessions; revoke one, or all of an account's. */
export function SessionsPage({ ctx, sessions, currentSessionId, currentUserId }: SessionsPageProps) {
  return (
    <AdminPage title="Sessions" ctx={ctx} section="/admin/sessions">
      <h1>Sessions</h1>
      <p class="lead">Unexpired sessions of named accounts. Revoking a session signs that browser out at its next request.</p>
      {sessions.length === 0 ? (
        <p>No active sessions.</p>
      ) : (
        <div class="table-wrap">
          <table class="data-table sessions-table">
            <caption>Active sessions ({sessions.length})</caption>
            <thead>
              <tr>
                <th scope="col">Account</th>
                <th scope="col">Role</th>
                <th scope="col">Session</th>
                <th scope="col">Started</th>
                <th scope="col">Last seen</th>
                <th scope="col">Expires</th>
                <th scope="col">IP address</th>
                <th scope="col">Browser</th>
                <th scope="col">Action</th>
              </tr>
            </thead>
            <tbody>
              {sessions.map((s) => (
                <SessionRow session={s} current={s.id === currentSessionId} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {sessions.length > 0 ? (
        <>
          <h2>All sessions of an account</h2>
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
        </>
      ) : null}
    </AdminPage>
  );
}
