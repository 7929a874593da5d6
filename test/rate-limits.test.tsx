import { afterEach, describe, expect, it } from 'vitest';
import type { FileConfig } from '../src/config/load.ts';
import { makeTestApp, type TestApp } from './helpers/app.ts';
import { SAMPLE_MEMO } from './helpers/outputs.ts';
import { count } from './helpers/db.ts';

let t: TestApp;
let clock = 0;
afterEach(async () => {
  await t.close();
});

function withLimits(limits: Partial<FileConfig['auth']['rate_limits']>) {
  clock = Date.parse('2026-11-22T09:00:00Z');
  t = makeTestApp({ now: () => clock, files: (f) => ({ ...f, auth: { ...f.auth, rate_limits: { ...f.auth.rate_limits, ...limits } } }) });
}

describe('requests per IP per hour', () => {
  it('answers 429 with Retry-After and a friendly page past the limit, per IP, for one hour', async () => {
    withLimits({ requests_per_ip_per_hour: 5 });
    const c = t.client({ peer: '198.51.100.4' });
    for (let i = 0; i < 5; i++) expect((await c.get('/rubric')).status).toBe(200);
    const over = await c.get('/rubric');
    expect(over.status).toBe(429);
    expect(Number(over.headers.get('retry-after'))).toBe(3600);
    expect(await over.text()).toContain('Too many requests');
    expect((await t.client({ peer: '198.51.100.5' }).get('/rubric')).status).toBe(200);
    const css = /href="(\/static\/[^"]+\.css)"/.exec(await (await t.client({ peer: '198.51.100.6' }).get('/')).text())![1]!;
    expect((await c.get(css)).status).toBe(200);
    clock += 3600_000;
    expect((await c.get('/rubric')).status).toBe(200);
  });

  it('answers JSON clients with JSON', async () => {
    withLimits({ requests_per_ip_per_hour: 1 });
    const c = t.client();
    await c.get('/rubric');
    const res = await c.get('/rubric', { accept: 'application/json' });
    expect(res.status).toBe(429);
    expect(await res.json()).toMatchObject({ error: 'Too many requests' });
  });
});

describe('submissions per writer per hour', () => {
  it('refuses the memo over the limit with 429, keeps its text, stores nothing', async () => {
    withLimits({ submissions_per_writer_per_hour: 2 });
    const c = t.client();
    expect((await c.post('/submissions', { text: `${SAMPLE_MEMO} 1` })).status).toBe(303);
    clock += 10 * 60_000;
    expect((await c.post('/submissions', { text: `${SAMPLE_MEMO} 2` })).status).toBe(303);
    const third = await c.post('/submissions', { text: 'My third memo, kept.' });
    expect(third.status).toBe(429);
    expect(Number(third.headers.get('retry-after'))).toBe(50 * 60);
    const html = await third.text();
    expect(html).toContain('You have sent 2 memos in the last hour');
    expect(html).toContain('My third memo, kept.</textarea>');
    expect(count(t.db, 'submissions')).toBe(2);
    expect((await t.client().post('/submissions', { text: 'Another writer is not limited.' })).status).toBe(303);
    clock += 51 * 60_000;
    expect((await c.post('/submissions', { text: 'My third memo, kept.' })).status).toBe(303);
  });
});

describe('polling of a pending evaluation', () => {
  it('counts per session, not per IP: a class behind one address does not throttle itself', async () => {
    clock = Date.parse('2026-11-22T09:00:00Z');
    t = makeTestApp({
      now: () => clock,
      files: (f) => ({ ...f, llm: { ...f.llm, demo_delay_ms: 60_000 }, auth: { ...f.auth, rate_limits: { ...f.auth.rate_limits, requests_per_ip_per_hour: 3, polls_per_session_per_hour: 25 } } }),
    });
    const nat = '203.0.113.50';
    const ana = t.client({ peer: nat });
    const page = (await ana.post('/submissions', { text: SAMPLE_MEMO })).headers.get('location')!;
    const ben = t.client({ peer: nat });
    const bensPage = (await ben.post('/submissions', { text: `${SAMPLE_MEMO} (Ben)` })).headers.get('location')!;
    for (let i = 0; i < 20; i++) {
      expect((await ana.get(page)).status).toBe(200);
      expect((await ben.get(bensPage, { 'hx-request': 'true' })).status).toBe(200);
    }
    expect((await ana.get('/rubric')).status).toBe(200); // the third request this hour from the address
    expect((await ana.get('/rubric')).status).toBe(429);
    expect((await ana.get(page)).status).toBe(200); // still polling
    // Someone else's evaluation is not "one's own": it counts per IP (and is already over).
    expect((await ben.get(page)).status).toBe(429);
    for (let i = 0; i < 4; i++) await ana.get(page);
    const over = await ana.get(page);
    expect(over.status).toBe(429);
    expect(await over.text()).toContain('Too many requests');
  });
});
