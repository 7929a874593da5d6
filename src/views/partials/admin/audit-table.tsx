import { AuditRow, type AuditRowEntry } from './audit-row.tsx';

/** One page of the audit log, newest first. */
export function AuditTable({ entries }: { entries: AuditRowEntry[] }) {
  return (
    <div class="table-wrap">
      <table class="data-table audit-table">
        <caption>Audit entries, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Time (UTC)</th>
            <th scope="col">Actor</th>
            <th scope="col">Action</th>
            <th scope="col">Target</th>
            <th scope="col">Details</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <AuditRow entry={e} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
