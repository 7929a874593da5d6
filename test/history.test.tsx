import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LlmProvider } from '../src/llm/types.ts';
import { makeTestApp, shippedConfig, waitForEvaluation, type Client, type TestApp } from './helpers/app.ts';
import { SAMPLE_MEMO, reply, validOutput } from './helpers/outputs.ts';

const rubric = shippedConfig().rubric;
const ids = rubric.criteria.map((c) => c.id);

/** Scores 2 everywhere for a first draft; a memo containing "REVISED" gets 4 on the first criterion and 1 on the second. */
const scripted: LlmProvider = {
  name: 'anthropic',
  model: 'scripted',
  async complete(req) {
    const revised = req.messages[0]!.content.includes('REVISED');
    const scores = Object.fromEntries(ids.map((id, i) => [id, revised ? (i === 0 ? 4 : i === 1 ? 1 : 2) : 2]));
    return reply(JSON.stringify(validOutput(rubric, { scores })));
  },
};

let t: TestApp;
let ana: Client;
beforeEach(() => {
  // The per-writer hourly limit (20) would stop the paging test before its 23rd memo.
  t = makeTestApp({ provider: () => scripted, files: (f) => ({ ...f, auth: { ...f.auth, rate_limits: { ...f.auth.rate_limits, submissions_per_writer_per_hour: 100 } } }) });
  ana = t.client();
});
afterEach(async () => {
  await t.close();
});

async function submit(c: Client, text: string, parent?: number): Promise<number> {
  const res = await c.post('/submissions', parent ? { text, parent: String(parent) } : { text });
  expect(res.status).toBe(303);
  const id = Number(res.headers.get('location')!.split('/').pop());
  await waitForEvaluation(t, id);
  return id;
}

const submissionOf = (evaluationId: number) => (t.db.$client.prepare('select submission_id as s from evaluations where id = ?').get(evaluationId) as { s: number }).s;

describe('GET /history', () => {
  it('invites a new visitor to submit a first memo', async () => {
    const res = await t.client().get('/history');
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('Nothing here yet');
  });

  it("lists the writer's own memos newest first, with overall and per-criterion scores and links", async () => {
    const first = await submit(ana, `${SAMPLE_MEMO}\nfirst`);
    const second = await submit(ana, `Second memo ${SAMPLE_MEMO}`);
    await submit(t.client(), 'Someone else entirely wrote this memo.');
    const page = await (await ana.get('/history')).text();
    const html = page.slice(page.indexOf('id="memos-title"'));
    expect(html.indexOf(`/evaluations/${second}"`)).toBeLessThan(html.indexOf(`/evaluations/${first}"`));
    expect(html).not.toContain('Someone else');
    for (const c of rubric.criteria) expect(html).toContain(`>${c.name}</th>`);
    expect(html).toContain('2.0 · ');
    const json = await (await ana.get('/history', { accept: 'application/json' })).json();
    expect(json).toMatchObject({ total: 2, page: 1, pages: 1 });
    expect(json.entries[0]).toMatchObject({ evaluationId: second, status: 'done', overall: 2, url: `/evaluations/${second}` });
    expect(Object.keys(json.entries[0].scores)).toEqual(ids);
  });

  it('pages by 20 with bounds-checked page numbers', async () => {
    for (let i = 0; i < 23; i++) await ana.post('/submissions', { text: `Memo number ${i}` });
    const p2 = await (await ana.get('/history?page=2', { accept: 'application/json' })).json();
    expect(p2).toMatchObject({ page: 2, pages: 2, total: 23 });
    expect(p2.entries).toHaveLength(3);
    for (const bad of ['abc', '0', '-3', '1.5']) expect((await (await ana.get(`/history?page=${bad}`, { accept: 'application/json' })).json()).page).toBe(1);
    const past = await (await ana.get('/history?page=9')).text();
    expect(past).toContain('Page 9 is past the end');
  });

  it('draws the progress as SVG with a text alternative, no JavaScript needed', async () => {
    const first = await submit(ana, SAMPLE_MEMO);
    await submit(ana, `${SAMPLE_MEMO}\nREVISED`, submissionOf(first));
    const html = await (await ana.get('/history')).text();
    expect(html).toMatch(/<svg class="chart" viewBox="0 0 640 260" role="img" aria-labelledby="chart-title chart-desc">/);
    expect(html).toContain('<desc id="chart-desc">Overall score 2.0 on');
    expect(html.match(/<polyline class="series overall"/g)).toHaveLength(1);
    expect(html.match(/<polyline class="series s\d"/g)).toHaveLength(ids.length);
    expect(html).toContain('The same scores as a table');
    expect(html).toContain('<span class="tag">Revision</span>');
  });
});

describe('revise and resubmit', () => {
  it('shows the change per criterion and in the text against the previous version', async () => {
    const first = await submit(ana, SAMPLE_MEMO);
    const revised = `${SAMPLE_MEMO.replace('Please approve by Friday', 'Please approve by Wednesday')}\nREVISED`;
    const second = await submit(ana, revised, submissionOf(first));
    const html = await (await ana.get(`/evaluations/${second}`)).text();
    expect(html).toContain('Compared with your previous version');
    expect(html).toContain(`href="/evaluations/${first}"`);
    expect(html).toMatch(/<span aria-hidden="true">▲ <\/span>up 2/);
    expect(html).toMatch(/<span aria-hidden="true">▼ <\/span>down 1/);
    expect(html).toContain('no change');
    expect(html).toContain('<del>Friday </del>');
    expect(html).toContain('<ins>Wednesday </ins>');
    const json = await (await ana.get(`/evaluations/${second}`, { accept: 'application/json' })).json();
    expect(json.revisionOf.evaluationId).toBe(first);
    expect(json.revisionOf.criteria[0]).toMatchObject({ id: ids[0], before: 2, after: 4, delta: 2 });
    const firstHtml = await (await ana.get(`/evaluations/${first}`)).text();
    expect(firstHtml).not.toContain('Compared with your previous version');
  });
});
