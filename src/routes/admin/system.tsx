import { insertAudit } from '../../db/queries/audit.ts';
import { latestRunOfEach, listJobRuns } from '../../db/queries/job-runs.ts';
import { checkHealth } from '../../health.ts';
import { wantsJson, type Ctx } from '../../http/context.ts';
import { setFlash } from '../../http/flash.ts';
import { pageContext } from '../../http/page-context.ts';
import { renderPage } from '../../http/render.ts';
import { BACKUP_JOB, listBackups } from '../../jobs/backup.ts';
import { backupWithOffsiteCopy, OFFSITE_JOB } from '../../jobs/offsite.ts';
import { MAINTENANCE_JOBS } from '../../jobs/prune.ts';
import { SystemPage } from '../../views/pages/admin/system-page.tsx';

/** GET /admin/system — health with details, backups, version, uptime (also JSON). */
export function showSystem(c: Ctx) {
  const { db, config, lifecycle, now } = c.var.deps;
  const env = config.env;
  const props = {
    health: checkHealth(db, config, c.var.deps.gate, now()),
    backups: listBackups(env.dataDir),
    runs: listJobRuns(db, BACKUP_JOB, 10),
    offsiteRepository: env.restic.repository,
    offsiteRuns: env.restic.repository ? listJobRuns(db, OFFSITE_JOB, 10) : [],
    maintenance: latestRunOfEach(db, MAINTENANCE_JOBS),
    version: lifecycle.version,
    uptimeMs: now() - lifecycle.startedAt,
    schedule: env.backupSchedule,
    retention: env.backupRetention,
  };
  if (wantsJson(c)) return c.json(props);
  return renderPage(c, <SystemPage ctx={pageContext(c)} {...props} />);
}

/** POST /admin/system/backups — runs a backup now, audits it, 303 back with the outcome. */
export async function createBackup(c: Ctx) {
  const { db, config, now, log } = c.var.deps;
  const actor = c.var.user!;
  try {
    const res = await backupWithOffsiteCopy(db, config.env, now);
    insertAudit(db, { actor, action: 'backup.run', target: res.file, details: { bytes: res.bytes, removed: res.removed.length, offsite: res.offsite }, now: now() });
    setFlash(c, `Backup ${res.file} written (${res.bytes} bytes).${offsiteNote(res.offsite)}`);
  } catch (err) {
    log.error({ err: { message: (err as Error).message } }, 'backup from the admin page failed');
    insertAudit(db, { actor, action: 'backup.run', details: { error: (err as Error).message }, now: now() });
    setFlash(c, `Backup failed: ${(err as Error).message}`);
  }
  return c.redirect('/admin/system', 303);
}

function offsiteNote(o: Awaited<ReturnType<typeof backupWithOffsiteCopy>>['offsite']): string {
  if (!o) return '';
  return o.ok ? ` Off-site copy: snapshot ${o.snapshot}.` : ` Off-site copy failed: ${o.error}`;
}
