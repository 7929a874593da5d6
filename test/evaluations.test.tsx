import { afterEach, describe, expect, it } from 'vitest';
import { ZERO_USAGE, type LlmProvider, type LlmReply } from '../src/llm/types.ts';
import { makeTestApp, shippedConfig, waitForEvaluation, type TestApp } from './helpers/app.ts';
import { SAMPLE_MEMO, reply, validOutput } from './helpers/outputs.ts';

let t: TestApp;
afterEach(async () => {
  await t.close();
});

/** A provider whose calls wait until the test releases them, so pending states can be observed. */
function gatedProvider() {
  const waiting: Array<() => void> = [];
  const rubric = shippedConfig().rubric;
  const provider: LlmProvider = {
    name: 'anthropic',
    model: 'gated',
    complete: () =>
      new Promise<LlmReply>((resolve) => {
        waiting.push(() =>
          resolve(reply(JSON.stringify(validOutput(rubric, { quotes: ['I recommend we approve $240,000'] })), { usage: { ...ZERO_USAGE, inputTokens: 10, outputTokens: 5 } })),
        );
      }),
  };
  return { provider, waiting, releaseAll: () => waiting.splice(0).forEach((f) => f()) };
}

const idOf = (res: Response) => Number(res.headers.get('location')!.split('/').pop());

describe('GET /evaluations/:id', () => {
  it('shows the pending state: refresh without JS, htmx polling, queue position, progress', async () => {
    const gate = gatedProvider();
    t = makeTestApp({ provider: () => gate.provider, files: (f) => ({ ...f, llm: { ...f.llm, concurrency: 1 } }) });
    const c = t.client();
    const first = idOf(await c.post('/submissions', { text: SAMPLE_MEMO }));
    const second = idOf(await c.post('/submissions', { text: `${SAMPLE_MEMO} (2)` }));
    const third = idOf(await c.post('/submissions', { text: `${SAMPLE_MEMO} (3)` }));

    const running = await (await c.get(`/evaluations/${first}`)).text();
    expect(running).toContain('<noscript><meta http-equiv="refresh" content="2"/></noscript>');
    expect(running).toContain('being evaluated now');
    expect(running).toContain(`data-hx-get="/evaluations/${first}"`);
    expect(running).toContain('data-hx-trigger="every 2s"');
    expect(running).toContain('<progress');
    expect((await (await c.get(`/evaluations/${second}`)).text())).toContain('Next in line');
    expect((await (await c.get(`/evaluations/${third}`)).text())).toContain('1 memo ahead of yours');

    const json = await (await c.get(`/evaluations/${third}`, { accept: 'application/json' })).json();
    expect(json).toMatchObject({ id: third, status: 'queued', queuePosition: 2, memo: `${SAMPLE_MEMO} (3)` });

    const fragment = await (await c.get(`/evaluations/${first}`, { 'hx-request': 'true' })).text();
    // htmx 4 moves a fragment's <title> into document.title: the tab follows the panel's state.
    expect(fragment.startsWith('<title>Evaluating… · Memo AI Coach</title><section id="evaluation-panel"')).toBe(true);

    for (const id of [first, second, third]) {
      while (gate.waiting.length === 0) await new Promise((r) => setTimeout(r, 5));
      gate.releaseAll();
      await waitForEvaluation(t, id);
    }
    const done = await (await c.get(`/evaluations/${first}`)).text();
    expect(done).not.toContain('http-equiv="refresh"');
    expect(done).not.toContain('hx-trigger');
    expect(done).toContain('<mark id="quote-1">I recommend we approve $240,000');
    const doneFragment = await (await c.get(`/evaluations/${first}`, { 'hx-request': 'true' })).text();
    expect(doneFragment).toContain('data-announce="Evaluation ready. Overall score 3.0 out of 5');
  });

  it('returns the full result as JSON, the same data as the page', async () => {
    t = makeTestApp();
    const c = t.client();
    const id = idOf(await c.post('/submissions', { text: SAMPLE_MEMO }));
    await waitForEvaluation(t, id);
    const json = await (await c.get(`/evaluations/${id}`, { accept: 'application/json' })).json();
    expect(json.status).toBe('done');
    expect(json.result.criteria.map((x: { id: string }) => x.id)).toEqual(t.config.current.files.rubric.criteria.map((x) => x.id));
    expect(json.result.demo).toBe(true);
    const html = await (await c.get(`/evaluations/${id}`)).text();
    expect(html).toContain(`overall-number">${json.result.overall.toFixed(1)}`);
    for (const s of json.result.strengths) expect(html).toContain(s.replaceAll("'", '&#39;'));
  });

  it("answers 404 for another writer's evaluation, a missing one, or a malformed id", async () => {
    t = makeTestApp();
    const ana = t.client();
    const id = idOf(await ana.post('/submissions', { text: SAMPLE_MEMO }));
    const bo = t.client();
    await bo.post('/submissions', { text: 'Bo has a memo too.' });
    for (const [client, path] of [[bo, `/evaluations/${id}`], [t.client(), `/evaluations/${id}`], [ana, '/evaluations/99999'], [ana, '/evaluations/abc'], [ana, '/evaluations/1e3'], [ana, `/evaluations/${'9'.repeat(40)}`]] as const) {
      const res = await client.get(path);
      expect(res.status, path).toBe(404);
      expect(await res.text()).toContain('Page not found');
    }
    expect((await bo.post(`/evaluations/${id}/retry`)).status).toBe(404);
    expect((await bo.get(`/evaluations/${id}`, { accept: 'application/json' })).headers.get('content-type')).toContain('application/json');
  });
});

describe('GET /rubric', () => {
  it('shows every criterion with weight and every level, and how the overall is computed', async () => {
    t = makeTestApp();
    const html = await (await t.client().get('/rubric')).text();
    const rubric = t.config.current.files.rubric;
    for (const c of rubric.criteria) {
      expect(html).toContain(c.name);
      expect(html).toContain(`(${c.weight}% of the overall score)`);
      for (const level of Object.values(c.levels)) expect(html).toContain(level.replaceAll("'", '&#39;').replaceAll('"', '&quot;'));
    }
    expect(html).toContain('weighted average');
    const json = await (await t.client().get('/rubric', { accept: 'application/json' })).json();
    expect(json.criteria).toHaveLength(rubric.criteria.length);
  });
});

describe('static assets and headers', () => {
  it('serves hashed assets with a long cache, and 404s unknown ones', async () => {
    t = makeTestApp();
    const html = await (await t.client().get('/')).text();
    const css = /href="(\/static\/app\.[0-9a-f]{10}\.css)"/.exec(html)![1]!;
    const htmx = /src="(\/static\/htmx\.[0-9a-f]{10}\.js)"/.exec(html)![1]!;
    const res = await t.client().get(css);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toContain('immutable');
    expect(res.headers.get('content-type')).toContain('text/css');
    expect((await t.client().get(htmx)).status).toBe(200);
    expect((await t.client().get('/static/app.css')).status).toBe(404);
    expect((await t.client().get('/static/..%2F..%2Fpackage.json')).status).toBe(404);
  });

  it('sends a strict CSP and the security headers on every page', async () => {
    t = makeTestApp();
    for (const path of ['/', '/rubric', '/nope']) {
      const res = await t.client().get(path);
      const csp = res.headers.get('content-security-policy')!;
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toContain('unsafe');
      expect(csp).toContain("frame-ancestors 'none'");
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('strict-transport-security')).toContain('max-age=');
      expect(res.headers.get('referrer-policy')).toBeTruthy();
      expect(res.headers.get('x-request-id')).toBeTruthy();
    }
  });

  it('has no inline script or hx-on attribute on any page', async () => {
    t = makeTestApp();
    const c = t.client();
    const id = idOf(await c.post('/submissions', { text: SAMPLE_MEMO }));
    await waitForEvaluation(t, id);
    for (const path of ['/', '/rubric', `/evaluations/${id}`, '/missing']) {
      const html = await (await c.get(path)).text();
      expect(html).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/);
      expect(html).not.toMatch(/\shx-on/);
      expect(html).not.toMatch(/\sstyle=/);
    }
  });
});
