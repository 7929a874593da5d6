import type { AccountSessionRow } from '../../../db/queries/admin-sessions.ts';
import type { PageContext } from '../../../http/page-context.ts';
import { AdminPage } from '../../layouts/admin-page.tsx';
import { RevokeAllList } from '../../partials/admin/revoke-all-list.tsx';
import { SessionsTable } from '../../partials/admin/sessions-table.tsx';

export interface SessionsPageProps {
  ctx: PageContext;
  sessions: AccountSessionRow[];
  currentSessionId: string;
  currentUserId: string;
}

/** GET /admin/sessions: signed-in accounts' unexpired sessions; revoke one, or all of an account's. */
export function SessionsPage({ ctx, sessions, currentSessionId, currentUserId }: SessionsPageProps) {
  return (
    <AdminPage title="Sessions" ctx={ctx} section="/admin/sessions">
      <h1>Sessions</h1>
      <p class="lead">Unexpired sessions of named accounts. Revoking a session signs that browser out at its next request.</p>
      {sessions.length === 0 ? <p>No active sessions.</p> : <SessionsTable sessions={sessions} currentSessionId={currentSessionId} />}
      {sessions.length > 0 ? (
        <>
          <h2>All sessions of an account</h2>
          <RevokeAllList sessions={sessions} currentUserId={currentUserId} />
        </>
      ) : null}
    </AdminPage>
  );
}
