import { BackupRow, type BackupFile } from './backup-row.tsx';

/** The backup files, newest first (a row says so when there are none). */
export function BackupsTable({ backups }: { backups: BackupFile[] }) {
  return (
    <div class="table-wrap">
      <table class="data-table">
        <caption>Backup files, newest first</caption>
        <thead>
          <tr>
            <th scope="col">File</th>
            <th scope="col" class="num">Size (bytes)</th>
          </tr>
        </thead>
        <tbody>
          {backups.length === 0 ? (
            <tr>
              <td colspan={2}>No backups yet.</td>
            </tr>
          ) : (
            backups.map((b) => <BackupRow backup={b} />)
          )}
        </tbody>
      </table>
    </div>
  );
}
