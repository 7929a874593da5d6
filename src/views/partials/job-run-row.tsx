import type { JobRun } from '../../db/schema.ts';
import { formatDate } from '../format.ts';

export interface JobRunRowProps {
  run: JobRun;
  /** What a successful run's detail shows (e.g. the file, or the restic snapshot). */
  describe: (detail: Record<string, unknown>) => string;
}

/** One run of a job: when it started, its status, and its error or result. */
export function JobRunRow({ run: r, describe }: JobRunRowProps) {
  return (
    <tr>
      <td>{formatDate(r.startedAt)}</td>
      <td class={r.status === 'failed' ? 'status-failed' : undefined}>{r.status}</td>
      <td>{r.error ?? (r.detail ? describe(JSON.parse(r.detail) as Record<string, unknown>) : '')}</td>
    </tr>
  );
}
