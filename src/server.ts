import { serve } from '@hono/node-server';
import { createApp } from './app.ts';
import { loadAppConfig } from './config/index.ts';
import { ConfigStore } from './config/store.ts';
import { openDatabase } from './db/client.ts';
import { loadAssets } from './http/assets.ts';
import { EvaluationQueue } from './jobs/evaluation-queue.ts';
import { runEvaluation } from './jobs/run-evaluation.ts';
import { createLogger } from './logger.ts';
import { ensureFirstAdmin } from './auth/bootstrap.ts';
import type { Db } from './db/client.ts';
import type { Logger } from 'pino';

/** Starts the app: config (fail fast), database (migrated), worker pool, HTTP server, shutdown. */
async function main(): Promise<void> {
  let config;
  try {
    config = loadAppConfig();
  } catch (err) {
    console.error((err as Error).message);
    process.exit(1);
  }
  const { env } = config;
  const log = createLogger(env.logLevel);
  const db = openDatabase(env.databasePath);
  const store = new ConfigStore(env, config.files);
  const now = () => Date.now();
  await createFirstAdmin(db, store, log);
  const queue = new EvaluationQueue({
    db,
    now,
    log,
    concurrency: () => store.current.files.llm.concurrency,
    run: (job, shutdown) => runEvaluation({ db, config: store, now, log }, job, shutdown),
  });
  const app = createApp({ db, config: store, now, queue, log, assets: loadAssets() });
  queue.start();

  const server = serve({ fetch: app.fetch, port: env.port, hostname: env.host }, (info) => {
    const provider = store.current.provider;
    log.info({ port: info.port, provider: provider.name, model: provider.model, database: env.databasePath }, `Memo AI Coach listening on ${env.publicOrigin}`);
  });

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down: finishing running evaluations');
    server.close();
    const idle = setInterval(() => (server as { closeIdleConnections?: () => void }).closeIdleConnections?.(), 200);
    await queue.stop(env.shutdownGraceSeconds * 1000);
    clearInterval(idle);
    db.$client.close();
    log.info('shutdown complete');
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
