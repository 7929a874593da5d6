import type { AccountSessionRow } from '../../../db/queries/admin-sessions.ts';
import { SessionRow } from './session-row.tsx';

export interface SessionsTableProps {
  sessions: AccountSessionRow[];
  /** The viewer's own session, marked and warned about. */
  currentSessionId: string;
}

/** Every unexpired session of a named account, each with its Revoke form. */
export function SessionsTable({ sessions, currentSessionId }: SessionsTableProps) {
  return (
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
  );
}
