import { describe, expect, it } from 'vitest';
import type { FileConfig } from '../src/config/load.ts';
import { signedIn, waitForEvaluation, type TestApp } from './helpers/app.ts';
import { METRICS_TOKEN as TOKEN, useClaudeApp } from './helpers/claude-app.ts';
import { FakeAnthropic } from './helpers/fake-anthropic.ts';
import { SAMPLE_MEMO, validOutput } from './helpers/outputs.ts';
import { count } from './helpers/db.ts';
import { saveAndPublish } from './helpers/calibration-runs.ts';

const claude = useClaudeApp();
const app = (llm: Partial<FileConfig['llm']>): TestApp => claude.start(() => llm);

/** A cookie-less form post from one client address, as the socket would report it. */
function postFrom(a: TestApp, address: string, text: string): Promise<Response> {
  return a.client({ peer: address }).post('/submissions', { text });
}


describe('submissions per address', () => {
  it('answers 429 with Retry-After after the configured number of cookie-less memos from one address, keeping the text', async () => {
    const a = app({ submissions_per_address_per_hour: 30, demo_delay_ms: 0 });
    claude.fake.script({ kind: 'message', text: JSON.stringify(validOutput(a.config.current.files.rubric)), delayMs: 50 });
    const statuses: number[] = [];
    let last = '';
    for (let i = 0; i < 100; i++) {
      const res = await postFrom(a, '198.51.100.7', `${SAMPLE_MEMO}\n\nFlood ${i}.`);
      statuses.push(res.status);
      if (res.status === 429) {
        expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
        last = await res.text();
      }
    }
    expect(statuses.filter((s) => s === 303)).toHaveLength(30);
    expect(statuses.slice(30).every((s) => s === 429)).toBe(true);
    expect(count(a.db, 'submissions')).toBe(30);
    expect(last).toContain('Flood 99.');
    expect(last).toContain('sent 30 memos in the last hour');
    // Another address is not affected.
    expect((await postFrom(a, '203.0.113.9', SAMPLE_MEMO)).status).toBe(303);
  });
});

describe('queue cap', () => {
  it('gives the 51st queued memo a 503 page with Retry-After and its text kept', async () => {
    const a = app({ queue_cap: 50, concurrency: 1, submissions_per_address_per_hour: 1000 });
    claude.fake.script({ kind: 'hang' });
    for (let i = 0; i < 50; i++) expect((await postFrom(a, `198.51.100.${i}`, `${SAMPLE_MEMO}\n\nMemo ${i}.`)).status).toBe(303);
    const res = await postFrom(a, '198.51.100.200', `${SAMPLE_MEMO}\n\nThe one too many.`);
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('60');
    const html = await res.text();
    expect(html).toContain('The evaluation queue is full');
    expect(html).toContain('The one too many.');
    expect(count(a.db, 'submissions')).toBe(50);
    const json = await a.client().post('/submissions', { text: SAMPLE_MEMO }, { headers: { accept: 'application/json' } });
    expect(json.status).toBe(503);
    expect(await json.json()).toMatchObject({ field: 'text', retryAfterSeconds: 60 });
  });
});

describe('budgets', () => {
  it('stops accepting memos once stored costs reach the daily budget, says so, and resumes when an admin raises it', async () => {
    // Each evaluation at the fake's token counts and Sonnet 5.5 prices costs about $0.03.
    const a = app({ budget: { daily_usd: 0.05, monthly_usd: 100, when_exceeded: 'refuse' } });
    claude.fake.script({ kind: 'message', text: JSON.stringify(validOutput(a.config.current.files.rubric)) });
    const student = a.client();
    const accepted: number[] = [];
    let refused: Response | undefined;
    for (let i = 0; i < 10 && !refused; i++) {
      const res = await student.post('/submissions', { text: `${SAMPLE_MEMO}\n\nBudget memo ${i}.` });
      if (res.status === 303) {
        const id = Number(res.headers.get('location')!.split('/').pop());
        expect(await waitForEvaluation(a, id)).toBe('done');
        accepted.push(id);
      } else refused = res;
    }
    expect(refused?.status).toBe(503);
    expect(Number(refused!.headers.get('retry-after'))).toBeGreaterThan(0);
    const page = await refused!.text();
    expect(page).toContain('AI budget is used up');
    expect(page).toContain(`Budget memo ${accepted.length}.`);
    const spent = (a.db.$client.prepare('select sum(cost_usd) s from evaluation_attempts').get() as { s: number }).s;
    expect(spent).toBeGreaterThanOrEqual(0.05);
    expect(spent - 0.05).toBeLessThan(0.05);
    const requestsBefore = claude.fake.requests.length;

    const health = (await (await a.client().get('/health', { authorization: `Bearer ${TOKEN}` })).json()) as { status: string; checks: { budget: { status: string; detail: string } } };
    expect(health.status).toBe('degraded');
    expect(health.checks.budget.status).toBe('failing');
    expect(health.checks.budget.detail).toContain('daily budget reached');
    const admin = await signedIn(a, 'bo-admin');
    const dashboard = await (await admin.get('/admin')).text();
    expect(dashboard).toContain('daily budget reached');

    // The admin raises the budget in /admin/config (a draft, published through the calibration gate); the next memo is accepted and evaluated.
    const yaml = (await (await admin.get('/admin/config/llm')).text()).match(/<textarea[^>]*>([\s\S]*?)<\/textarea>/)![1]!.replaceAll('&quot;', '"').replaceAll('&#39;', "'").replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&');
    const raised = yaml.replace('daily_usd: 25', 'daily_usd: 5');
    expect(raised).not.toBe(yaml);
    await saveAndPublish(a, admin, 'llm', raised, 'More budget for the exam week');
    const res = await student.post('/submissions', { text: `${SAMPLE_MEMO}\n\nAfter the raise.` });
    expect(res.status).toBe(303);
    expect(await waitForEvaluation(a, Number(res.headers.get('location')!.split('/').pop()))).toBe('done');
    expect(claude.fake.requests.length).toBe(requestsBefore + 1);
  });

  it('fails a memo queued before the budget ran out without calling the provider, or scores it with the demo evaluator when configured', async () => {
    const a = app({ budget: { daily_usd: 0, monthly_usd: 100, when_exceeded: 'refuse' } });
    // A zero budget is reached at once: refused while the mode is refuse.
    const student = a.client();
    expect((await student.post('/submissions', { text: SAMPLE_MEMO })).status).toBe(503);
    a.config.replace({ ...a.config.current.files, llm: { ...a.config.current.files.llm, budget: { daily_usd: 0, monthly_usd: 100, when_exceeded: 'demo' } } });
    const res = await student.post('/submissions', { text: SAMPLE_MEMO });
    expect(res.status).toBe(303);
    const id = Number(res.headers.get('location')!.split('/').pop());
    expect(await waitForEvaluation(a, id)).toBe('done');
    expect(claude.fake.requests).toHaveLength(0);
    const row = a.db.$client.prepare('select provider from evaluations where id = ?').get(id) as { provider: string };
    expect(row.provider).toBe('demo');
    expect(await (await student.get(`/evaluations/${id}`)).text()).toContain('demo evaluator');
    // Back to refuse while one is queued: it fails with the budget message, nothing sent.
    a.config.replace({ ...a.config.current.files, llm: { ...a.config.current.files.llm, budget: { daily_usd: 0, monthly_usd: 100, when_exceeded: 'refuse' } } });
    a.db.$client.prepare("update evaluations set status = 'queued', result_json = null where id = ?").run(id);
    a.queue.notify();
    expect(await waitForEvaluation(a, id)).toBe('failed');
    expect(claude.fake.requests).toHaveLength(0);
    expect(await (await student.get(`/evaluations/${id}`)).text()).toContain('budget ran out before your memo');
  });
});

describe('where the API key goes', () => {
  it('refuses base_url in /admin/config, and no request reaches the other address', async () => {
    const evil = new FakeAnthropic();
    await evil.start();
    try {
      const a = app({});
      claude.fake.script({ kind: 'message', text: JSON.stringify(validOutput(a.config.current.files.rubric)) });
      evil.script({ kind: 'message', text: JSON.stringify(validOutput(a.config.current.files.rubric)) });
      const admin = await signedIn(a, 'bo-admin');
      const yaml = `base_url: ${evil.url.replace('127.0.0.1', 'evil.example')}\n${(await (await admin.get('/admin/config/llm')).text()).match(/<textarea[^>]*>([\s\S]*?)<\/textarea>/)![1]!.replaceAll('&#39;', "'").replaceAll('&quot;', '"').replaceAll('&amp;', '&')}`;
      const res = await admin.post('/admin/config/llm', { yaml, note: 'Use my proxy' });
      expect(res.status).toBe(422);
      expect(await res.text()).toContain('the API address comes only from ANTHROPIC_BASE_URL');
      const id = Number((await a.client().post('/submissions', { text: SAMPLE_MEMO })).headers.get('location')!.split('/').pop());
      expect(await waitForEvaluation(a, id)).toBe('done');
      expect(claude.fake.requests).toHaveLength(1);
      expect(evil.requests).toHaveLength(0);
    } finally {
      await evil.stop();
    }
  });
});
