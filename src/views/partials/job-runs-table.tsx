import type { StoredJobRun } from '../../db/queries/job-runs.ts';
import { JobRunRow } from './job-run-row.tsx';

export interface JobRunsTableProps {
  caption: string;
  runs: StoredJobRun[];
  /** What a successful run's detail shows (e.g. the file, or the restic snapshot). */
  describe: (detail: Record<string, unknown>) => string;
}

/** Recent runs of one job, newest first: started, status, error or result. */
export function JobRunsTable({ caption, runs, describe }: JobRunsTableProps) {
  return (
    <div class="table-wrap">
      <table class="data-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Started</th>
            <th scope="col">Status</th>
            <th scope="col">Result</th>
          </tr>
        </thead>
        <tbody>
          {runs.map((r) => (
            <JobRunRow run={r} describe={describe} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
