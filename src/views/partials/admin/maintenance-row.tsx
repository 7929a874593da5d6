import type { StoredJobRun } from '../../../db/queries/job-runs.ts';
import { formatDate } from '../../format.ts';

/** A maintenance job and its newest run (null when it has never run in this database). */
export interface MaintenanceJob {
  job: string;
  run: StoredJobRun | null;
}

/** "removed: 2, writers: 0": what a run reported, in its own words. */
const summary = (detail: Record<string, unknown>) =>
  Object.entries(detail)
    .map(([k, v]) => `${k}: ${String(v)}`)
    .join(', ');

/** One job: its name, when it last ran, how that went, and what it did or the error. */
export function MaintenanceRow({ job, run }: MaintenanceJob) {
  return (
    <tr>
      <th scope="row">
        <code>{job}</code>
      </th>
      {run ? (
        <>
          <td>{formatDate(run.startedAt)}</td>
          <td class={run.status === 'failed' ? 'status-failed' : undefined}>{run.status}</td>
          <td>{run.error ?? (run.detail ? summary(run.detail) : '')}</td>
        </>
      ) : (
        <td colspan={3}>Not run yet (nightly, 03:00–04:00 UTC).</td>
      )}
    </tr>
  );
}
