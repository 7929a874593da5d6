import type { StoredJobRun } from '../../db/queries/job-runs.ts';
import { formatDate } from '../format.ts';

export interface JobRunRowProps {
  run: StoredJobRun;
  /** What a successful run's detail shows (e.g. the file, or the restic snapshot). */
  describe: (detail: Record<string, unknown>) => string;
}

/** One run of a job: when it started, its status, and its error or result. */
export function JobRunRow({ run: r, describe }: JobRunRowProps) {
  return (
    <tr>
      <td>{formatDate(r.startedAt)}</td>
      <td class={r.status === 'failed' ? 'status-failed' : undefined}>{r.status}</td>
      <td>{r.error ?? (r.detail ? describe(r.detail) : '')}</td>
    </tr>
  );
}
