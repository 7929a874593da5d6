import { formatInt } from '../../format.ts';

/** A backup file on disk. */
export interface BackupFile {
  name: string;
  bytes: number;
}

/** One backup file and its size. */
export function BackupRow({ backup }: { backup: BackupFile }) {
  return (
    <tr>
      <td>{backup.name}</td>
      <td class="num">{formatInt(backup.bytes)}</td>
    </tr>
  );
}
