import { loadConfigDir } from './config/load.ts';
import type { ConfigStore } from './config/store.ts';
import type { Db } from './db/client.ts';
import { pingDatabase } from './db/queries/health.ts';
import { checkBackups } from './health-backups.ts';
import { checkDisk } from './health-disk.ts';

export interface Check {
  ok: boolean;
  /** For admins and token holders only: may name paths, counts and versions. */
  detail: string;
}

export interface Health {
  /** fail: not ready (database or config broken, data volume not writable); degraded: serving, but something needs attention. */
  status: 'ok' | 'degraded' | 'fail';
  checks: { database: Check; config: Check; llm: Check; backups: Check; disk: Check };
}

function attempt(fn: () => string): Check {
  try {
    return { ok: true, detail: fn() };
  } catch (err) {
    return { ok: false, detail: (err as Error).message };
  }
}

/** Readiness: can we read the database, is the config on disk valid, is a provider set, are backups recent, is there disk space. */
export function checkHealth(db: Db, config: ConfigStore, now: number): Health {
  const database = attempt(() => `${pingDatabase(db)} evaluations in ${config.env.databasePath}`);
  const config_ = attempt(() => {
    const res = loadConfigDir(config.env.configDir);
    if (!res.ok) throw new Error(`${res.issues.length} problem(s) in ${config.env.configDir}, first: ${res.issues[0]!.path}: ${res.issues[0]!.message}`);
    return `valid; rubric ${config.current.versions.rubric}, prompt ${config.current.versions.prompt}, llm ${config.current.versions.llm}`;
  });
  const p = config.current.provider;
  const llm = { ok: true, detail: `${p.name} (${p.model})` };
  const backups = attempt(() => checkBackups(db, config.env, now));
  const { fatal, ...disk } = checkDisk(config.env.dataDir, config.env.diskMinFreeBytes);
  const status = !database.ok || !config_.ok || fatal ? 'fail' : !llm.ok || !backups.ok || !disk.ok ? 'degraded' : 'ok';
  return { status, checks: { database, config: config_, llm, backups, disk } };
}
