import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { FakeAnthropic } from './helpers/fake-anthropic.ts';
import { SAMPLE_MEMO, validOutput } from './helpers/outputs.ts';
import { shippedConfig } from './helpers/app.ts';
import { localOrigin, startServer } from './helpers/server-process.ts';
import { count, statusCounts } from './helpers/db.ts';

const fake = new FakeAnthropic();
let dir: string;

beforeAll(async () => {
  await fake.start();
  const rubric = shippedConfig().rubric;
  // Every call takes 3 s, so a kill lands while some are running and others are queued.
  fake.script({ kind: 'message', text: JSON.stringify(validOutput(rubric)), delayMs: 3000 });
  dir = mkdtempSync(join(tmpdir(), 'memoai-crash-'));
});
afterAll(async () => {
  await fake.stop();
  rmSync(dir, { recursive: true, force: true });
});


it('finishes every queued and running evaluation after a SIGKILL and a restart', { timeout: 90_000 }, async () => {
  const env = { DATA_DIR: dir, ANTHROPIC_API_KEY: 'test-key', ANTHROPIC_BASE_URL: fake.url, ...(await localOrigin()) };
  const first = await startServer(env);
  const total = 6;
  for (let i = 0; i < total; i++) {
    const res = await fetch(`${first.url}/submissions`, {
      method: 'POST',
      body: new URLSearchParams({ text: `${SAMPLE_MEMO}\n\nCopy ${i}` }),
      headers: { origin: env.PUBLIC_ORIGIN },
      redirect: 'manual',
    });
    expect(res.status).toBe(303);
  }
  // Wait until the pool (concurrency 4 by default) has claimed work, then kill without warning.
  const db = new Database(join(dir, 'memoai.db'), { readonly: true });
  for (let i = 0; i < 200 && !statusCounts(db).running; i++) await new Promise((r) => setTimeout(r, 20));
  first.child.kill('SIGKILL');
  expect((await first.exited).signal).toBe('SIGKILL');
  const before = statusCounts(db);
  expect(before.running).toBeGreaterThan(0);
  expect(before.queued).toBeGreaterThan(0);
  expect(before.done ?? 0).toBe(0);

  const second = await startServer(env);
  try {
    for (let i = 0; i < 1200 && statusCounts(db).done !== total; i++) await new Promise((r) => setTimeout(r, 50));
    expect(statusCounts(db)).toEqual({ done: total });
    expect(count(db, 'submissions')).toBe(total);
    const runs = db.prepare('select runs from evaluations order by id').all() as { runs: number }[];
    expect(runs.some((r) => r.runs === 2)).toBe(true); // the interrupted ones ran again
    expect(second.output()).toContain('requeued evaluations interrupted');
    expect((db.prepare('pragma integrity_check').get() as { integrity_check: string }).integrity_check).toBe('ok');
  } finally {
    second.child.kill('SIGTERM');
    await second.exited;
    db.close();
  }
});
