import { serve } from '@hono/node-server';
import { readFileSync } from 'node:fs';
import type { Logger } from 'pino';
import { createApp } from './app.ts';
import { ensureFirstAdmin } from './auth/bootstrap.ts';
import { loadAppConfig } from './config/index.ts';
import { ConfigStore } from './config-versions/store.ts';
import { openDatabase, type Db } from './db/client.ts';
import { loadAssets } from './http/assets.ts';
import type { Lifecycle } from './http/context.ts';
import { createWorkers } from './jobs/workers.ts';
import { failInterruptedJobRuns } from './db/queries/job-runs.ts';
import { failInterruptedCalibrationRuns } from './db/queries/calibration.ts';
import { scheduleJobs } from './jobs/schedule.ts';
import { createServerLogger } from './logger.ts';

const VERSION = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url.replace('/dist/src/', '/src/')), 'utf8')) as { version: string }).version;

/** Starts the app: config (fail fast), database (migrated), worker pool, jobs, HTTP server, shutdown. */
async function main(): Promise<void> {
  const config = loadAppConfig();
  const { env } = config;
  const log = createServerLogger(env.logLevel);
  const db = openDatabase(env.databasePath);
  const store = new ConfigStore(env, config.files);
  // Admin edits stored in the database take precedence over the shipped config/*.yaml.
  store.loadFromDatabase(db, log);
  log.info({ versions: store.current.sources }, 'configuration loaded (0 = shipped file)');
  const now = () => Date.now();
  await createFirstAdmin(db, store, log);
  const lifecycle: Lifecycle = { draining: false, startedAt: now(), version: VERSION };
  const { queue, gate, metrics, calibrations } = createWorkers({ db, config: store, now, log });
  const app = createApp({ db, config: store, now, queue, gate, log, assets: loadAssets(), metrics, lifecycle, calibrations });
  const interrupted = failInterruptedJobRuns(db, now());
  if (interrupted) log.warn({ interrupted }, 'marked job runs interrupted by the last shutdown as failed');
  const calibrationsInterrupted = failInterruptedCalibrationRuns(db, now());
  if (calibrationsInterrupted) log.warn({ interrupted: calibrationsInterrupted }, 'marked calibration runs interrupted by the last shutdown as failed');
  queue.start();
  const jobs = scheduleJobs({ db, env, log, now, rawRetentionDays: () => store.current.files.llm.raw_retention_days });

  const server = serve({ fetch: app.fetch, port: env.port, hostname: env.host }, (info) => {
    const provider = store.current.provider;
    log.info({ port: info.port, provider: provider.name, model: provider.model, version: VERSION }, `Memo AI Coach listening on ${env.publicOrigin}`);
  });

  const shutdown = async (signal: string) => {
    if (lifecycle.draining) return;
    lifecycle.draining = true;
    log.info({ signal, graceSeconds: env.shutdownGraceSeconds }, 'shutting down: no new connections, finishing running evaluations');
    server.close();
    const idle = setInterval(() => (server as { closeIdleConnections?: () => void }).closeIdleConnections?.(), 200);
    await Promise.all(jobs.map((j) => j.stop()));
    await Promise.all([queue.stop(env.shutdownGraceSeconds * 1000), calibrations.stop()]);
    clearInterval(idle);
    db.$client.close();
    log.info('shutdown complete');
    // The last log lines out before exiting; a stdout that does not drain gets a second.
    await new Promise<void>((resolve) => {
      log.flush(() => resolve());
      setTimeout(resolve, 1000);
    });
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

/** Creates the first admin when there is none; a generated password is printed once, to stderr. */
async function createFirstAdmin(db: Db, store: ConfigStore, log: Logger): Promise<void> {
  const res = await ensureFirstAdmin(db, store.env, store.current.files.auth, Date.now());
  if (!res.created) return;
  log.info({ username: res.username }, 'created the first admin account');
  if (res.generatedPassword) {
    process.stderr.write(
      `\n  First admin account created.\n    username: ${res.username}\n    password: ${res.generatedPassword}\n` +
        '  This password is shown only once and must be changed at first sign-in (/login).\n\n',
    );
  }
}

main().catch((err: unknown) => {
  console.error((err as Error).message);
  process.exit(1);
});
