import type { StoredJobRun } from '../../../db/queries/job-runs.ts';
import { JobRunsTable } from '../job-runs-table.tsx';

export interface OffsiteCopiesProps {
  /** BACKUP_RESTIC_REPOSITORY, or '' when off-site copies are off. */
  repository: string;
  runs: StoredJobRun[];
  retention: number;
}

/** Where backups are copied with restic and the recent copies, or how to turn copying on. */
export function OffsiteCopies({ repository, runs, retention }: OffsiteCopiesProps) {
  if (!repository) {
    return (
      <p class="hint">
        Off. Set <code>BACKUP_RESTIC_REPOSITORY</code> and <code>RESTIC_PASSWORD</code> to copy every backup off this machine, encrypted.
      </p>
    );
  }
  return (
    <>
      <p class="hint">
        Each backup is copied with restic to <code>{repository}</code>, keeping the newest {retention} there too.
      </p>
      <JobRunsTable caption="Recent off-site copies" runs={runs} describe={(d) => `snapshot ${String(d.snapshot ?? '')} of ${String(d.file ?? '')}`} />
    </>
  );
}
