import { serve } from '@hono/node-server';
import { createApp } from './app.ts';
import { loadAppConfig } from './config/index.ts';
import { ConfigStore } from './config/store.ts';
import { openDatabase } from './db/client.ts';
import { loadAssets } from './http/assets.ts';
import { EvaluationQueue } from './jobs/evaluation-queue.ts';
import { runEvaluation } from './jobs/run-evaluation.ts';
import { createLogger } from './logger.ts';

/** Starts the app: config (fail fast), database (migrated), worker pool, HTTP server, shutdown. */
function main(): void {
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

main();
