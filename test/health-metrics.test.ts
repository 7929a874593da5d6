import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.ts';
import { loadConfigDir } from '../src/config/load.ts';
import type { Lifecycle } from '../src/http/context.ts';
import { loadAssets } from '../src/http/assets.ts';
import { runBackup } from '../src/jobs/backup.ts';
import { LlmError } from '../src/llm/types.ts';
import { createLogger } from '../src/logger.ts';
import { Client, makeTestApp, signedIn, waitForEvaluation, type TestApp, type TestAppOptions } from './helpers/app.ts';
import { SAMPLE_MEMO } from './helpers/outputs.ts';

const TOKEN = 'metrics-token-0123456789';
const CHECKS = ['database', 'config', 'llm', 'budget', 'backups', 'disk'];

let current: TestApp | undefined;
const tempDirs: string[] = [];
afterEach(async () => {
  await current?.close();
  current = undefined;
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function app(opts: TestAppOptions = {}): TestApp {
  current = makeTestApp(opts);
  return current;
}

/** True when an executable is on PATH; in CI it must be. */
function tool(name: string): boolean {
  const found = spawnSync('sh', ['-c', `command -v ${name}`]).status === 0;
  if (process.env.CI) expect(found, `${name} must be installed in CI`).toBe(true);
  return found;
}

/** Posts a memo and waits until its evaluation has finished; returns the final status. */
async function submitAndWait(t: TestApp, c: Client): Promise<string> {
  const res = await c.post('/submissions', { text: SAMPLE_MEMO });
  expect(res.status).toBe(303);
  return waitForEvaluation(t, Number(res.headers.get('location')!.split('/').pop()));
}

async function metricsText(t: TestApp, headers: Record<string, string> = {}): Promise<string> {
  const res = await t.client().get('/metrics', headers);
  expect(res.status).toBe(200);
  return res.text();
}

describe('GET /healthz', () => {
  it('answers ok while serving and 503 while draining', async () => {
    const t = app();
    const ok = await t.client().get('/healthz');
    expect(ok.status).toBe(200);
    expect(await ok.text()).toBe('ok');
    expect(ok.headers.get('cache-control')).toBe('no-store');

    // The same dependencies as makeTestApp, with a lifecycle object the test controls.
    const lifecycle: Lifecycle = { draining: false, startedAt: Date.now(), version: 'test' };
    const own = createApp({ db: t.db, config: t.config, now: Date.now, queue: t.queue, gate: t.gate, log: createLogger('silent'), assets: loadAssets(), metrics: t.metrics, calibrations: t.calibrations, lifecycle });
    expect((await own.request('/healthz')).status).toBe(200);
    lifecycle.draining = true;
    const draining = await own.request('/healthz');
    expect(draining.status).toBe(503);
    expect(await draining.text()).not.toBe('ok');
  });
});

describe('GET /health', () => {
  it('tells anonymous callers only ok/failing per check', async () => {
    const t = app();
    const res = await t.client().get('/health');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = await res.text();
    expect(JSON.parse(body)).toEqual({ status: 'ok', checks: { database: 'ok', config: 'ok', llm: 'ok', budget: 'ok', backups: 'ok', disk: 'ok' } });
    expect(body).not.toContain('/');
    expect(body).not.toContain('evaluations in');
    expect(body).not.toMatch(/\d/);
    expect(body).not.toMatch(/[0-9a-f]{12}/);
  });

  it('gives admins and token holders the details', async () => {
    const t = app({ env: { METRICS_TOKEN: TOKEN } });
    const admin = await signedIn(t, 'bo-admin');
    for (const res of [await admin.get('/health'), await t.client().get('/health', { authorization: `Bearer ${TOKEN}` })]) {
      expect(res.status).toBe(200);
      const body = (await res.json()) as { status: string; checks: Record<string, { status: string; detail: string }> };
      expect(body.status).toBe('ok');
      expect(Object.keys(body.checks).sort()).toEqual([...CHECKS].sort());
      for (const name of CHECKS) expect(body.checks[name]).toEqual({ status: 'ok', detail: expect.any(String) });
      expect(body.checks.database!.detail).toContain(`evaluations in ${t.config.env.databasePath}`);
      expect(body.checks.config!.detail).toMatch(/^valid; rubric \S+, prompt \S+, llm \S+$/);
      expect(body.checks.backups!.detail).toBe('no backup yet');
    }
    const wrong = await (await t.client().get('/health', { authorization: 'Bearer not-the-token-0123' })).json();
    expect(wrong).toEqual({ status: 'ok', checks: { database: 'ok', config: 'ok', llm: 'ok', budget: 'ok', backups: 'ok', disk: 'ok' } });
    const student = await (await signedIn(t, 'ana-student').then((c) => c.get('/health'))).json();
    expect((student as { checks: Record<string, unknown> }).checks.database).toBe('ok');
  });

  it('is 503 with database failing when the database cannot be read', async () => {
    const t = app();
    t.db.$client.close();
    const res = await t.client().get('/health');
    expect(res.status).toBe(503);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const body = (await res.json()) as { status: string; checks: Record<string, string> };
    expect(body.status).toBe('fail');
    expect(body.checks.database).toBe('failing');
  });

  it('is 503 with config failing when the config on disk is invalid, without revealing the path', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'memoai-bad-config-'));
    tempDirs.push(dir);
    const shipped = join(import.meta.dirname, '..', 'config');
    for (const name of readdirSync(shipped).filter((n) => n.endsWith('.yaml'))) copyFileSync(join(shipped, name), join(dir, name));
    const rubric = readFileSync(join(dir, 'rubric.yaml'), 'utf8');
    expect(rubric).toContain('weight: 20');
    writeFileSync(join(dir, 'rubric.yaml'), rubric.replace('weight: 20', 'weight: 27'));
    expect(loadConfigDir(dir).ok).toBe(false);

    const t = app({ env: { CONFIG_DIR: dir, METRICS_TOKEN: TOKEN } });
    const res = await t.client().get('/health');
    expect(res.status).toBe(503);
    const body = await res.text();
    expect(JSON.parse(body)).toEqual({ status: 'fail', checks: { database: 'ok', config: 'failing', llm: 'ok', budget: 'ok', backups: 'ok', disk: 'ok' } });
    expect(body).not.toContain(dir);
    expect(body).not.toContain('/');

    const detailed = (await (await t.client().get('/health', { authorization: `Bearer ${TOKEN}` })).json()) as { checks: { config: { status: string; detail: string } } };
    expect(detailed.checks.config.status).toBe('failing');
    expect(detailed.checks.config.detail).toContain(dir);
  });
});

describe('GET /metrics', () => {
  it('counts requests, evaluations, tokens, queue depth and the last backup in valid Prometheus text', async () => {
    const t = app();
    const c = t.client();
    expect((await c.get('/')).status).toBe(200);
    expect(await submitAndWait(t, c)).toBe('done');
    await runBackup(t.db, { dataDir: t.dir, retention: 2, now: () => 1_700_000_000_000 });

    const res = await t.client().get('/metrics');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4; charset=utf-8$/);
    const text = await res.text();
    expect(text).toMatch(/^memoai_http_requests_total\{(?=[^}]*method="GET")(?=[^}]*route="\/")(?=[^}]*status="200")[^}]*\} 1$/m);
    expect(text).toMatch(/^memoai_http_requests_total\{(?=[^}]*method="POST")(?=[^}]*route="\/submissions")(?=[^}]*status="303")[^}]*\} 1$/m);
    expect(text).toMatch(/^memoai_http_request_duration_seconds_count\{[^}]*route="\/"[^}]*\} 1$/m);
    expect(text).toMatch(/^memoai_evaluations_total\{(?=[^}]*status="done")[^}]*\} 1$/m);
    expect(text).toMatch(/^memoai_evaluation_duration_seconds_count 1$/m);
    expect(text).toMatch(/^memoai_llm_tokens_total\{type="input"\} \d+$/m);
    expect(text).toMatch(/^memoai_llm_tokens_total\{type="output"\} \d+$/m);
    expect(text).toMatch(/^memoai_queue_depth\{status="queued"\} 0$/m);
    expect(text).toMatch(/^memoai_queue_depth\{status="running"\} 0$/m);
    expect(text).toMatch(/^memoai_last_backup_timestamp_seconds 1700000000$/m);
    expect(text).toMatch(/^memoai_process_cpu_seconds_total /m);
    expect(text).not.toMatch(/^process_/m);

    if (tool('promtool')) {
      const check = spawnSync('promtool', ['check', 'metrics'], { input: text, encoding: 'utf8', timeout: 10_000 });
      expect({ status: check.status, problems: check.stdout + check.stderr }).toEqual({ status: 0, problems: '' });
    }
  });

  it('counts every request once however often it is scraped, with the 404s under one pattern', async () => {
    const t = app();
    const c = t.client();
    const count = (text: string, route: string, status: number) => Number(new RegExp(`^memoai_http_requests_total\\{(?=[^}]*method="GET")(?=[^}]*route="${route}")(?=[^}]*status="${status}")[^}]*\\} (\\d+)$`, 'm').exec(text)?.[1] ?? 0);
    for (let i = 0; i < 3; i++) await c.get('/');
    await c.get('/no-such-page');
    await c.get('/nor-this-one');
    const first = await metricsText(t);
    expect([count(first, '/', 200), count(first, '/\\*', 404)]).toEqual([3, 2]);
    await c.get('/');
    const second = await metricsText(t);
    expect([count(second, '/', 200), count(second, '/\\*', 404)]).toEqual([4, 2]);
    expect(count(second, '/metrics', 200)).toBe(1); // the first scrape, counted once it had answered
  });

  it('reports 0 for the last backup before any backup ran', async () => {
    const t = app();
    expect(await metricsText(t)).toMatch(/^memoai_last_backup_timestamp_seconds 0$/m);
  });

  it('needs the bearer token when METRICS_TOKEN is set', async () => {
    const t = app({ env: { METRICS_TOKEN: TOKEN } });
    const none = await t.client().get('/metrics');
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect(await none.text()).not.toContain('memoai_');
    for (const authorization of ['Bearer wrong', `Bearer ${TOKEN.replace(/.$/, 'x')}`, `Basic ${TOKEN}`, TOKEN]) {
      expect((await t.client().get('/metrics', { authorization })).status).toBe(401);
    }
    const admin = await signedIn(t, 'bo-admin');
    expect((await admin.get('/metrics')).status).toBe(401);
    expect(await metricsText(t, { authorization: `Bearer ${TOKEN}` })).toContain('memoai_http_requests_total');
  });

  it('counts a failed evaluation by its error kind', async () => {
    const t = app({
      provider: () => ({
        name: 'anthropic',
        model: 'x',
        complete: async () => {
          throw new LlmError('bad_request', 'rejected', { httpStatus: 400, errorType: 'invalid_request_error' });
        },
      }),
    });
    expect(await submitAndWait(t, t.client())).toBe('failed');
    const text = await metricsText(t);
    expect(text).toMatch(/^memoai_evaluations_total\{(?=[^}]*status="failed")(?=[^}]*error_kind="bad_request")[^}]*\} 1$/m);
    expect(text).not.toMatch(/^memoai_evaluations_total\{[^}]*status="done"/m);
  });
});
