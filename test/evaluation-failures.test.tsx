import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { anthropicProvider } from '../src/llm/anthropic.ts';
import { studentMessage } from '../src/llm/messages.ts';
import { makeTestApp, waitForEvaluation, type Client, type TestApp } from './helpers/app.ts';
import { FakeAnthropic, type Step } from './helpers/fake-anthropic.ts';
import { SAMPLE_MEMO, validOutput } from './helpers/outputs.ts';
import { evaluationRow } from './helpers/fault-env.ts';

const KEY = 'test-key';

let fake: FakeAnthropic;
let t: TestApp;

beforeEach(async () => {
  fake = new FakeAnthropic();
  await fake.start();
  t = makeTestApp({
    // One in-place retry of 5xx/timeouts, and a short wait when the provider asks to slow down.
    files: (f) => ({ ...f, llm: { ...f.llm, max_retries: 1, backoff: { initial_seconds: 0.05, max_seconds: 0.2 } } }),
    provider: (files) =>
      anthropicProvider({
        baseURL: fake.url,
        apiKey: KEY,
        timeoutMs: 300,
        model: files.llm.model,
        promptCaching: true,
      }),
  });
});

afterEach(async () => {
  await t.close();
  await fake.stop();
});

/** As hono/jsx escapes text. */
function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

const row = (id: number) => evaluationRow(t, id);

function submissionText(submissionId: number): string | undefined {
  const r = t.db.$client.prepare('select text from submissions where id = ?').get(submissionId) as { text: string } | undefined;
  return r?.text;
}

/** Posts a memo like the form does and returns the evaluation id from the 303. */
async function submit(c: Client, text: string = SAMPLE_MEMO): Promise<number> {
  const res = await c.post('/submissions', { text });
  expect(res.status).toBe(303);
  const location = res.headers.get('location') ?? '';
  expect(location).toMatch(/^\/evaluations\/\d+$/);
  return Number(location.split('/').pop());
}

async function submitAndWait(c: Client, text: string = SAMPLE_MEMO): Promise<number> {
  const id = await submit(c, text);
  await waitForEvaluation(t, id);
  return id;
}

async function page(c: Client, id: number): Promise<string> {
  const res = await c.get(`/evaluations/${id}`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toContain('text/html');
  return res.text();
}

const ok = (opts: Parameters<typeof validOutput>[1] = {}): Step => ({ kind: 'message', text: JSON.stringify(validOutput(t.config.current.files.rubric, opts)) });
// A server error that outlasts the in-place retry (429/529 don't fail: they wait in the queue; see claude-5.test.ts).
const serverError: Step = { kind: 'error', status: 500, type: 'api_error' };

/** The failure page: plain message, the memo kept, a Try again form; no internals. */
function expectFailurePage(html: string, id: number, kind: Parameters<typeof studentMessage>[0], memo: string): void {
  expect(html).toContain(escapeHtml(studentMessage(kind)));
  expect(html).toContain(escapeHtml(memo));
  expect(html).toContain(`action="/evaluations/${id}/retry"`);
  expect(html).toMatch(new RegExp(`<form method="post" action="/evaluations/${id}/retry">\\s*<button type="submit"[^>]*>\\s*Try again\\s*</button>`));
  expect(html).not.toContain(KEY);
  expect(html).not.toContain('fake error');
  expect(html).not.toMatch(/HTTP \d{3}/);
  expect(html).not.toContain('overall-number');
}

describe('evaluation failures through the app', () => {
  it('stores a server-error failure, shows a plain message with the memo and Try again, then recovers on retry', async () => {
    fake.script(serverError);
    const memo = `${SAMPLE_MEMO}\n\nP.S. Costs <b>may</b> rise & "soon" if we wait.`;
    const c = t.client();
    const id = await submitAndWait(c, memo);

    const failed = row(id);
    expect(failed.status).toBe('failed');
    expect(failed.error_kind).toBe('server_error');
    expect(failed.attempts).toBe(2);
    expect(failed.runs).toBe(1);
    expect(failed.raw_prompt).toBeTruthy();
    expect(failed.raw_prompt).toContain('<memo>');
    expect(failed.raw_prompt).not.toContain(KEY);
    expect(failed.result_json).toBeNull();
    expect(failed.overall).toBeNull();
    expect(fake.requests).toHaveLength(2);
    // The memo is kept.
    expect(submissionText(failed.submission_id)).toBe(memo);

    const html = await page(c, id);
    expectFailurePage(html, id, 'server_error', memo);
    expect(html).not.toContain('<b>may</b>');
    expect(html).toContain(`href="/?revise=${failed.submission_id}"`);

    const jsonRes = await c.get(`/evaluations/${id}`, { accept: 'application/json' });
    expect(jsonRes.status).toBe(200);
    const json = (await jsonRes.json()) as { id: number; status: string; memo: string; error?: { kind: string; message: string }; retryUrl?: string; result?: unknown };
    expect(json.id).toBe(id);
    expect(json.status).toBe('failed');
    expect(json.memo).toBe(memo);
    expect(json.error).toEqual({ kind: 'server_error', message: studentMessage('server_error') });
    expect(json.retryUrl).toBe(`/evaluations/${id}/retry`);
    expect(json.result).toBeUndefined();

    // The service recovers; the writer presses Try again.
    const scores = { structure: 5, evidence: 4, clarity: 3, audience: 2, the_ask: 4, risks: 1 };
    fake.script(ok({ scores }));
    const retry = await c.post(`/evaluations/${id}/retry`);
    expect(retry.status).toBe(303);
    expect(retry.headers.get('location')).toBe(`/evaluations/${id}`);
    expect(await waitForEvaluation(t, id)).toBe('done');

    const done = row(id);
    expect(done.status).toBe('done');
    expect(done.runs).toBe(2);
    // Try again adds to the history: two failed attempts of run 1, then the good one of run 2.
    expect(done.attempts).toBe(3);
    const runs = t.db.$client.prepare('select run, outcome from evaluation_attempts where evaluation_id = ? order by id').all(id);
    expect(runs).toEqual([
      { run: 1, outcome: 'server_error' },
      { run: 1, outcome: 'server_error' },
      { run: 2, outcome: 'ok' },
    ]);
    expect(done.error_kind).toBeNull();
    expect(done.error_message).toBeNull();
    expect(done.overall).toBeCloseTo(3.3, 9);
    expect(done.provider).toBe('anthropic');
    expect(fake.requests).toHaveLength(3);

    const doneHtml = await page(c, id);
    expect(doneHtml).toContain('overall-number">3.3<');
    for (const crit of t.config.current.files.rubric.criteria) expect(doneHtml).toContain(escapeHtml(crit.name));
    expect(doneHtml).toContain('<strong>5 / 5</strong>');
    expect(doneHtml).not.toContain(`action="/evaluations/${id}/retry"`);
    expect(doneHtml).not.toContain(escapeHtml(studentMessage('server_error')));
    expect(doneHtml).not.toContain('demo evaluator');

    const doneJson = (await (await c.get(`/evaluations/${id}`, { accept: 'application/json' })).json()) as { status: string; error?: unknown; retryUrl?: unknown; result?: { overall: number } };
    expect(doneJson.status).toBe('done');
    expect(doneJson.result?.overall).toBeCloseTo(3.3, 9);
    expect(doneJson.error).toBeUndefined();
    expect(doneJson.retryUrl).toBeUndefined();
  });

  it('fails with invalid_output after one re-ask and offers Try again', async () => {
    const out = validOutput(t.config.current.files.rubric);
    delete out.criteria.risks;
    fake.script({ kind: 'message', text: JSON.stringify(out) });
    const c = t.client();
    const id = await submitAndWait(c);

    const r = row(id);
    expect(r.status).toBe('failed');
    expect(r.error_kind).toBe('invalid_output');
    expect(r.attempts).toBe(2);
    expect(fake.requests).toHaveLength(2);
    expect(r.raw_response).toContain('--- next attempt ---');

    expectFailurePage(await page(c, id), id, 'invalid_output', SAMPLE_MEMO);
  });

  it('fails with timeout when the provider hangs', async () => {
    fake.script({ kind: 'hang' });
    const c = t.client();
    const id = await submitAndWait(c);

    const r = row(id);
    expect(r.status).toBe('failed');
    expect(r.error_kind).toBe('timeout');
    expect(r.attempts).toBe(2);
    expect(r.raw_prompt).toBeTruthy();

    expectFailurePage(await page(c, id), id, 'timeout', SAMPLE_MEMO);
    const json = (await (await c.get(`/evaluations/${id}`, { accept: 'application/json' })).json()) as { error?: { kind: string } };
    expect(json.error?.kind).toBe('timeout');
  });

  it('a JSON retry of a failed evaluation answers 202 and requeues it', async () => {
    fake.script(serverError);
    const c = t.client();
    const id = await submitAndWait(c);
    expect(row(id).status).toBe('failed');

    fake.script(ok());
    const res = await c.post(`/evaluations/${id}/retry`, {}, { headers: { accept: 'application/json' } });
    expect(res.status).toBe(202);
    expect(await res.json()).toEqual({ id, status: 'queued', url: `/evaluations/${id}` });
    expect(await waitForEvaluation(t, id)).toBe('done');
    expect(row(id).runs).toBe(2);
  });
});

describe('retry safety', () => {
  it('retrying an evaluation that is not failed is harmless', async () => {
    fake.script(ok());
    const c = t.client();
    const id = await submitAndWait(c);
    const before = row(id);
    expect(before.status).toBe('done');
    expect(fake.requests).toHaveLength(1);

    const res = await c.post(`/evaluations/${id}/retry`);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/evaluations/${id}`);
    await t.queue.idle();
    const after = row(id);
    expect(after.status).toBe('done');
    expect(after.runs).toBe(1);
    expect(after.result_json).toBe(before.result_json);
    expect(fake.requests).toHaveLength(1);
    expect(await page(c, id)).toContain('overall-number');

    const json = await c.post(`/evaluations/${id}/retry`, {}, { headers: { accept: 'application/json' } });
    expect(json.status).toBe(200);
    expect(await json.json()).toMatchObject({ id, status: 'done' });
  });

  it("another writer gets 404 for someone else's evaluation and cannot retry it", async () => {
    fake.script(serverError);
    const owner = t.client();
    const id = await submitAndWait(owner);
    expect(row(id).status).toBe('failed');
    const requestsBefore = fake.requests.length;
    fake.script(ok());

    // No cookie at all.
    const stranger = t.client();
    expect((await stranger.get(`/evaluations/${id}`)).status).toBe(404);
    expect((await stranger.get(`/evaluations/${id}`, { accept: 'application/json' })).status).toBe(404);
    expect((await stranger.post(`/evaluations/${id}/retry`)).status).toBe(404);

    // A different writer with their own session.
    const other = t.client();
    const otherId = await submitAndWait(other);
    expect(otherId).not.toBe(id);
    expect(other.cookies.size).toBeGreaterThan(0);
    expect([...other.cookies.values()]).not.toEqual([...owner.cookies.values()]);
    const otherPage = await other.get(`/evaluations/${id}`);
    expect(otherPage.status).toBe(404);
    expect(await otherPage.text()).not.toContain('Dayton');
    expect((await other.post(`/evaluations/${id}/retry`)).status).toBe(404);

    await t.queue.idle();
    const r = row(id);
    expect(r.status).toBe('failed');
    expect(r.runs).toBe(1);
    // Only the other writer's own evaluation reached the provider.
    expect(fake.requests).toHaveLength(requestsBefore + 1);
    // The owner still sees their page.
    expect((await owner.get(`/evaluations/${id}`)).status).toBe(200);
  });
});

describe('quotes on the result page', () => {
  it('highlights only anchored quotes and says when a quote could not be found', async () => {
    const exact = 'The pilot cut picking errors by 38% and saved 1,200 labor hours per quarter.';
    const missing = 'We plan to close the Dayton warehouse next spring.';
    expect(SAMPLE_MEMO).toContain(exact);
    expect(SAMPLE_MEMO).not.toContain(missing);
    fake.script(ok({ quotes: [exact, missing] }));
    const c = t.client();
    const id = await submitAndWait(c);
    expect(row(id).status).toBe('done');

    const html = await page(c, id);
    expect(html.match(/<mark\b/g)).toHaveLength(1);
    expect(html).toMatch(new RegExp(`<mark id="quote-1">${escapeRegExp(escapeHtml(exact))}`));
    expect(html).not.toContain('id="quote-2"');

    const note1 = html.slice(html.indexOf('id="note-1"'), html.indexOf('id="note-2"'));
    const note2 = html.slice(html.indexOf('id="note-2"'), html.indexOf('</ol>', html.indexOf('id="note-2"')));
    expect(html.indexOf('id="note-1"')).toBeGreaterThan(0);
    expect(html.indexOf('id="note-2"')).toBeGreaterThan(html.indexOf('id="note-1"'));
    expect(note1).toContain('href="#quote-1"');
    expect(note1).not.toContain('could not be found');
    expect(note2).toContain(escapeHtml(missing));
    expect(note2).toContain('could not be found');
    expect(note2).not.toContain('href="#quote-2"');
  });
});

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
