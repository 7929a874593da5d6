import type { JobRun } from '../../../db/schema.ts';
import type { Health } from '../../../health.ts';
import type { PageContext } from '../../../http/page-context.ts';
import { formatDuration, formatInt } from '../../format.ts';
import { AdminPage } from '../../layouts/admin-page.tsx';
import { JobRunsTable } from '../../partials/job-runs-table.tsx';

export interface SystemPageProps {
  ctx: PageContext;
  health: Health;
  backups: { name: string; bytes: number }[];
  runs: JobRun[];
  /** BACKUP_RESTIC_REPOSITORY, or '' when off-site copies are off. */
  offsiteRepository: string;
  offsiteRuns: JobRun[];
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
      <ul>
        {Object.entries(p.health.checks).map(([name, check]) => (
          <li>
            <strong>{name}:</strong> <span class={check.ok ? 'status-done' : 'status-failed'}>{check.ok ? 'ok' : 'failing'}</span> · {check.detail}
          </li>
        ))}
      </ul>
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
            {p.backups.length === 0 ? (
              <tr>
                <td colspan={2}>No backups yet.</td>
              </tr>
            ) : (
              p.backups.map((b) => (
                <tr>
                  <td>{b.name}</td>
                  <td class="num">{formatInt(b.bytes)}</td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
      <JobRunsTable caption="Recent backup runs" runs={p.runs} describe={(d) => String(d.file ?? '')} />
      <h2>Off-site copies</h2>
      {p.offsiteRepository ? (
        <>
          <p class="hint">
            Each backup is copied with restic to <code>{p.offsiteRepository}</code>, keeping the newest {p.retention} there too.
          </p>
          <JobRunsTable caption="Recent off-site copies" runs={p.offsiteRuns} describe={(d) => `snapshot ${String(d.snapshot ?? '')} of ${String(d.file ?? '')}`} />
        </>
      ) : (
        <p class="hint">
          Off. Set <code>BACKUP_RESTIC_REPOSITORY</code> and <code>RESTIC_PASSWORD</code> to copy every backup off this machine, encrypted.
        </p>
      )}
    </AdminPage>
  );
}
