import { openDatabase } from '../src/db/client.ts';
import { shippedConfig, type TestApp } from '../test/helpers/app.ts';
import { seedEvaluations } from '../test/helpers/seed.ts';

/**
 * Writes `count` evaluations straight into a new SQLite database (migrated, one transaction, the
 * test suite's deterministic seeder). Rows the seeder leaves queued or running are closed as failed,
 * so the server under test doesn't spend the benchmark working through them.
 */
export function seedHistory(databasePath: string, count: number): { ms: number; pages: number } {
  const started = performance.now();
  const db = openDatabase(databasePath);
  const shim = { db, config: { current: { files: { rubric: shippedConfig().rubric } } } } as unknown as TestApp;
  seedEvaluations(shim, { count, now: Date.now() });
  db.$client
    .prepare("update evaluations set status = 'failed', error_kind = 'interrupted', error_message = 'seeded', finished_at = created_at where status in ('queued', 'running')")
    .run();
  db.$client.pragma('wal_checkpoint(TRUNCATE)');
  db.$client.close();
  return { ms: Math.round(performance.now() - started), pages: Math.ceil(count / 50) };
}
