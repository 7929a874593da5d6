import type { StoredJobRun } from '../../../db/queries/job-runs.ts';
import type { Health } from '../../../health.ts';
import type { PageContext } from '../../../http/page-context.ts';
import { formatDuration } from '../../format.ts';
import { AdminPage } from '../../layouts/admin-page.tsx';
import type { BackupFile } from '../../partials/admin/backup-row.tsx';
import { BackupsTable } from '../../partials/admin/backups-table.tsx';
import { HealthChecks } from '../../partials/admin/health-checks.tsx';
import type { MaintenanceJob } from '../../partials/admin/maintenance-row.tsx';
import { MaintenanceTable } from '../../partials/admin/maintenance-table.tsx';
import { OffsiteCopies } from '../../partials/admin/offsite-copies.tsx';
import { JobRunsTable } from '../../partials/job-runs-table.tsx';

export interface SystemPageProps {
  ctx: PageContext;
  health: Health;
  backups: BackupFile[];
  runs: StoredJobRun[];
  /** BACKUP_RESTIC_REPOSITORY, or '' when off-site copies are off. */
  offsiteRepository: string;
  offsiteRuns: StoredJobRun[];
  maintenance: MaintenanceJob[];
  version: string;
  uptimeMs: number;
  schedule: string;
  retention: number;
}

/** GET /admin/system: health checks with details, backups (list, run now), version and uptime. */
export function SystemPage(p: SystemPageProps) {
  return (
    <AdminPage title="System" ctx={p.ctx} section="/admin/system">
      <h1>System</h1>
      <p>
        Version {p.version} · up {formatDuration(p.uptimeMs)} · readiness: <strong>{p.health.status}</strong>
      </p>
      <h2>Health checks</h2>
      <HealthChecks checks={p.health.checks} />
      <h2>Backups</h2>
      <p class="hint">
        Schedule (cron, UTC): <code>{p.schedule}</code> · keeping the newest {p.retention}. Restore with{' '}
        <code>npm run restore -- FILE</code> while the server is stopped (it refuses otherwise).
      </p>
      <form method="post" action="/admin/system/backups">
        <button type="submit" class="button primary">
          Back up now
        </button>
      </form>
      <BackupsTable backups={p.backups} />
      <JobRunsTable caption="Recent backup runs" runs={p.runs} describe={(d) => String(d.file ?? '')} />
      <h2>Off-site copies</h2>
      <OffsiteCopies repository={p.offsiteRepository} runs={p.offsiteRuns} retention={p.retention} />
      <h2>Maintenance</h2>
      <MaintenanceTable jobs={p.maintenance} />
    </AdminPage>
  );
}
