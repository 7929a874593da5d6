import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { shippedConfig } from './helpers/app.ts';
import { FakeAnthropic } from './helpers/fake-anthropic.ts';
import { SAMPLE_MEMO, validOutput } from './helpers/outputs.ts';
import { localOrigin, startServer } from './helpers/server-process.ts';
import { statusCounts } from './helpers/db.ts';

const fake = new FakeAnthropic();
let dir: string;
let origin: { PORT: string; PUBLIC_ORIGIN: string };
const answer = () => JSON.stringify(validOutput(shippedConfig().rubric));

beforeEach(async () => {
  await fake.start();
  dir = mkdtempSync(join(tmpdir(), 'memoai-shutdown-'));
  origin = await localOrigin();
});
afterEach(async () => {
  await fake.stop();
  rmSync(dir, { recursive: true, force: true });
});

function env(grace: number) {
  return { DATA_DIR: dir, ANTHROPIC_API_KEY: 'test-key', ANTHROPIC_BASE_URL: fake.url, ...origin, SHUTDOWN_GRACE_SECONDS: String(grace), ADMIN_PASSWORD: 'shutdown-test-password' };
}

async function submit(url: string, n: number): Promise<void> {
  for (let i = 0; i < n; i++) {
    const res = await fetch(`${url}/submissions`, { method: 'POST', body: new URLSearchParams({ text: `${SAMPLE_MEMO}\n#${i}` }), headers: { origin: origin.PUBLIC_ORIGIN }, redirect: 'manual' });
    expect(res.status).toBe(303);
  }
}


async function until(db: Database.Database, pred: (c: Record<string, number>) => boolean, ms = 30_000): Promise<void> {
  for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 25))) if (pred(statusCounts(db))) return;
  throw new Error(`timed out; statuses ${JSON.stringify(statusCounts(db))}`);
}

it('on SIGTERM finishes running evaluations within the grace period, keeps the rest queued, and a restart finishes them', { timeout: 90_000 }, async () => {
  fake.script({ kind: 'message', text: answer(), delayMs: 1500 });
  const first = await startServer(env(10));
  await submit(first.url, 8); // concurrency 4 (llm.yaml): 4 run, 4 wait
  const db = new Database(join(dir, 'memoai.db'), { readonly: true });
  await until(db, (c) => (c.running ?? 0) >= 4);
  const t0 = Date.now();
  first.child.kill('SIGTERM');
  const exit = await first.exited;
  const took = Date.now() - t0;
  expect(exit.code).toBe(0);
  expect(took).toBeLessThan(10_000);
  expect(first.output()).toContain('shutdown complete');
  const after = statusCounts(db);
  expect(after.running ?? 0).toBe(0);
  expect(after.done).toBe(4);
  expect(after.queued).toBe(4);

  fake.script({ kind: 'message', text: answer() });
  const second = await startServer(env(10));
  try {
    await until(db, (c) => c.done === 8);
  } finally {
    second.child.kill('SIGTERM');
    await second.exited;
    db.close();
  }
});

it('requeues evaluations still running when the grace period ends', { timeout: 90_000 }, async () => {
  fake.script({ kind: 'message', text: answer(), delayMs: 20_000 });
  const first = await startServer(env(1));
  await submit(first.url, 2);
  const db = new Database(join(dir, 'memoai.db'), { readonly: true });
  await until(db, (c) => (c.running ?? 0) === 2);
  const t0 = Date.now();
  first.child.kill('SIGTERM');
  expect((await first.exited).code).toBe(0);
  expect(Date.now() - t0).toBeLessThan(6_000);
  expect(statusCounts(db)).toEqual({ queued: 2 });
  expect(first.output()).toContain('requeued');

  fake.script({ kind: 'message', text: answer() });
  const second = await startServer(env(1));
  try {
    await until(db, (c) => c.done === 2);
  } finally {
    second.child.kill('SIGTERM');
    await second.exited;
    db.close();
  }
});
