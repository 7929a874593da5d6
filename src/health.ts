import { loadConfigDir } from './config/load.ts';
import type { ConfigStore } from './config-versions/store.ts';
import type { Db } from './db/client.ts';
import { pingDatabase } from './db/queries/health.ts';
import { checkBackups } from './health-backups.ts';
import { checkDisk } from './health-disk.ts';
import type { ProviderGate } from './jobs/provider-gate.ts';
import { budgetState, budgetSummary } from './llm/budget.ts';

export interface Check {
  ok: boolean;
  /** For admins and token holders only: may name paths, counts and versions. */
  detail: string;
}

export interface Health {
  /** fail: not ready (database or config broken, data volume not writable); degraded: serving, but something needs attention. */
  status: 'ok' | 'degraded' | 'fail';
  checks: { database: Check; config: Check; llm: Check; budget: Check; backups: Check; disk: Check };
}

function attempt(fn: () => string): Check {
  try {
    return { ok: true, detail: fn() };
  } catch (err) {
    return { ok: false, detail: (err as Error).message };
  }
}

/**
 * Readiness: can we read the database, is the config on disk valid, is the provider answering, is
 * there budget left, are backups recent, is there disk space.
 */
export function checkHealth(db: Db, config: ConfigStore, gate: Pick<ProviderGate, 'health'>, now: number): Health {
  const database = attempt(() => `${pingDatabase(db)} evaluations in ${config.env.databasePath}`);
  const config_ = attempt(() => {
    const res = loadConfigDir(config.env.configDir);
    if (!res.ok) throw new Error(`${res.issues.length} problem(s) in ${config.env.configDir}, first: ${res.issues[0]!.path}: ${res.issues[0]!.message}`);
    return `valid; rubric ${config.current.versions.rubric}, prompt ${config.current.versions.prompt}, llm ${config.current.versions.llm}`;
  });
  const p = config.current.provider;
  const g = gate.health();
  const llm = { ok: g.ok, detail: `${p.name} (${p.model})${g.ok ? '' : `: ${g.detail}`}` };
  const budget = attempt(() => {
    const spend = budgetState(db, config.current.files.llm.budget, now);
    if (spend.over) throw new Error(budgetSummary(spend));
    return budgetSummary(spend);
  });
  const backups = attempt(() => checkBackups(db, config.env, now));
  const { fatal, ...disk } = checkDisk(config.env.dataDir, config.env.diskMinFreeBytes);
  const degraded = !llm.ok || !budget.ok || !backups.ok || !disk.ok;
  const status = !database.ok || !config_.ok || fatal ? 'fail' : degraded ? 'degraded' : 'ok';
  return { status, checks: { database, config: config_, llm, budget, backups, disk } };
}
