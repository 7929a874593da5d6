import { afterEach, beforeEach, expect, it } from 'vitest';
import { validateConfigText } from '../src/config/load.ts';
import { scheduleJobs } from '../src/jobs/schedule.ts';
import { createLogger } from '../src/logger.ts';
import { makeTestApp, signedIn, waitForEvaluation, type TestApp } from './helpers/app.ts';
import { SAMPLE_MEMO } from './helpers/outputs.ts';
import { DAY } from '../src/time.ts';

let t: TestApp;
beforeEach(() => {
  t = makeTestApp();
});
afterEach(async () => {
  await t.close();
});

const row = (id: number) =>
  t.db.$client.prepare('select raw_prompt as p, raw_response as r, result_json as result, overall from evaluations where id = ?').get(id) as { p: string | null; r: string | null; result: string | null; overall: number | null };

it('deletes raw prompts and responses past llm.yaml raw_retention_days, keeping scores and feedback', async () => {
  const c = t.client();
  const ids: number[] = [];
  for (const text of [SAMPLE_MEMO, `${SAMPLE_MEMO}\nSecond.`]) {
    const res = await c.post('/submissions', { text });
    ids.push(Number(res.headers.get('location')!.split('/').pop()));
    await waitForEvaluation(t, ids.at(-1)!);
  }
  const [old, recent] = ids as [number, number];
  t.db.$client.prepare('update evaluations set finished_at = ? where id = ?').run(Date.now() - 31 * DAY, old);
  const tasks = scheduleJobs({ db: t.db, env: t.config.env, log: createLogger('silent'), now: Date.now, rawRetentionDays: () => 30 });
  try {
    await tasks.find((task) => task.name === 'prune-raw-traces')!.execute();
  } finally {
    await Promise.all(tasks.map((task) => task.destroy()));
  }
  expect(row(old)).toMatchObject({ p: null, r: null });
  expect(row(old).result).not.toBeNull();
  expect(row(old).overall).not.toBeNull();
  expect(row(recent).p).toContain('<memo>');
  const admin = await signedIn(t, 'bo-admin');
  const detail = await admin.get(`/admin/evaluations/${old}`);
  expect(detail.status).toBe(200);
  expect(await detail.text()).toContain('deleted after the retention period');
  expect((await c.get(`/evaluations/${old}`)).status).toBe(200);
});

it('validates raw_retention_days and defaults it to 90', () => {
  const base = 'provider: demo\nmodel: m\nmax_output_tokens: 1024\ntimeout_seconds: 10\ntotal_timeout_seconds: 30\nmax_retries: 1\nconcurrency: 1\nprompt_caching: true\nmax_chars: 1000\ndemo_delay_ms: 0\nprices: {m: {input: 1, output: 1, cache_write: 1, cache_read: 1}}\n';
  const ok = validateConfigText('llm', base);
  expect(ok.ok && ok.value.raw_retention_days).toBe(90);
  const bad = validateConfigText('llm', `${base}raw_retention_days: 0\n`);
  expect(bad.ok).toBe(false);
  if (!bad.ok) expect(bad.issues[0]).toMatchObject({ path: 'raw_retention_days', line: 12 });
});
