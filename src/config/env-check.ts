import { accessSync, constants, existsSync } from 'node:fs';
import type { Env } from './env.ts';

/** Problems that readEnv's per-variable rules cannot see: combinations and files. */
export function checkEnvironment(env: Env): { problems: string[]; notes: string[] } {
  const problems: string[] = [];
  const notes: string[] = [];
  const r = env.restic;
  if (r.repository && !r.password && !r.passwordFile) problems.push('BACKUP_RESTIC_REPOSITORY is set but neither RESTIC_PASSWORD nor RESTIC_PASSWORD_FILE is');
  if (r.passwordFile) {
    try {
      accessSync(r.passwordFile, constants.R_OK);
    } catch {
      problems.push(`RESTIC_PASSWORD_FILE ${r.passwordFile} cannot be read`);
    }
  }
  if (env.nodeEnv === 'production') {
    if (!env.metricsToken && !env.metricsPublic) notes.push('/metrics is closed: set METRICS_TOKEN (or METRICS_PUBLIC=true) to scrape it');
    if (env.originIsDefault) notes.push(`PUBLIC_ORIGIN is not set: form posts are accepted only from ${env.publicOrigin}`);
  }
  if (!existsSync(env.dataDir)) notes.push(`DATA_DIR ${env.dataDir} does not exist yet; it is created at start`);
  notes.push(`data in ${env.dataDir}, database ${env.databasePath}; backups ${env.backupSchedule} (UTC), keeping ${env.backupRetention}${r.repository ? `, off-site to ${r.repository}` : ''}`);
  return { problems, notes };
}
