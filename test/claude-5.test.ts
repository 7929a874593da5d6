import { describe, expect, it } from 'vitest';
import type { FileConfig } from '../src/config/load.ts';
import type { RecordedRequest } from './helpers/fake-anthropic.ts';
import { signedIn, waitForEvaluation, type TestApp } from './helpers/app.ts';
import { METRICS_TOKEN as TOKEN, useClaudeApp } from './helpers/claude-app.ts';
import { SAMPLE_MEMO, validOutput } from './helpers/outputs.ts';
import { count, rows } from './helpers/db.ts';

const claude = useClaudeApp();
/** The real app with the shipped llm.yaml (tweaked by `llm`), talking to the fake through the real SDK. */
const app = (llm: (l: FileConfig['llm']) => Partial<FileConfig['llm']> = () => ({})): TestApp => claude.start(llm);

/** A memo of about 9 000 characters: the sample memo's body repeated under one header. */
function longMemo(): string {
  const body = SAMPLE_MEMO.split('\n\n').slice(1).join('\n\n');
  let memo = SAMPLE_MEMO;
  while (memo.length < 9000) memo += `\n\n${body}`;
  return memo.slice(0, 9000);
}

async function submit(a: TestApp, text: string): Promise<number> {
  const res = await a.client().post('/submissions', { text });
  expect(res.status).toBe(303);
  return Number(res.headers.get('location')!.split('/').pop());
}

const sent = (r: RecordedRequest) => r.body as { max_tokens: number; output_config?: { effort?: string }; temperature?: unknown; top_p?: unknown; top_k?: unknown };

describe('Claude 5.x thinking headroom', () => {
  it('evaluates a 9 000-character memo at effort high with ~6 000 thinking tokens using the shipped llm.yaml budget', async () => {
    const a = app(() => ({ effort: 'high' }));
    claude.fake.script({ kind: 'message', text: JSON.stringify(validOutput(a.config.current.files.rubric)) });
    const memo = longMemo();
    expect(memo.length).toBe(9000);
    const id = await submit(a, memo);
    expect(await waitForEvaluation(a, id)).toBe('done');
    expect(claude.fake.requests).toHaveLength(1);
    const body = sent(claude.fake.requests[0]!);
    expect(body.max_tokens).toBe(16000);
    expect(body.output_config?.effort).toBe('high');
    for (const k of ['temperature', 'top_p', 'top_k'] as const) expect(body[k]).toBeUndefined();
    const [attempt] = rows<{ outcome: string; thinking_tokens: number; output_tokens: number; request_id: string; cost_usd: number }>(a.db, 'select * from evaluation_attempts where evaluation_id = ?', id);
    expect(attempt).toMatchObject({ outcome: 'ok', thinking_tokens: 6000 });
    expect(attempt!.output_tokens).toBeGreaterThan(6000);
    expect(attempt!.request_id).toBe(claude.fake.requests[0]!.requestId);
    expect(attempt!.cost_usd).toBeGreaterThan(0);
  });

  it('with max_output_tokens 2000 retries once with twice the room, then fails with a clear message', async () => {
    const a = app(() => ({ effort: 'high', max_output_tokens: 2000 }));
    claude.fake.script({ kind: 'message', text: JSON.stringify(validOutput(a.config.current.files.rubric)) });
    const id = await submit(a, longMemo());
    expect(await waitForEvaluation(a, id)).toBe('failed');
    expect(claude.fake.requests.map((r) => sent(r).max_tokens)).toEqual([2000, 4000]);
    for (const r of claude.fake.requests) expect(sent(r).temperature).toBeUndefined();
    const [ev] = rows<{ error_kind: string; error_message: string; attempts: number }>(a.db, 'select * from evaluations where id = ?', id);
    expect(ev).toMatchObject({ error_kind: 'max_tokens', attempts: 2 });
    expect(ev!.error_message).toContain('cut off at the output limit twice: 2000 then 4000 tokens');
    const page = await (await a.client().get(`/evaluations/${id}`)).text();
    expect(page).toBeTruthy();
    const admin = await signedIn(a, 'bo-admin');
    const detail = await (await admin.get(`/admin/evaluations/${id}`)).text();
    expect(detail).toContain('2000 then 4000 tokens');
    expect(detail).toContain(claude.fake.requests[1]!.requestId);
  });
});

describe('Try again keeps history', () => {
  it('adds attempt rows for the second run and sums their cost', async () => {
    const a = app();
    claude.fake.script({ kind: 'error', status: 400, message: 'fake error 400: something about the request' }, { kind: 'message', text: JSON.stringify(validOutput(a.config.current.files.rubric)) });
    const student = a.client();
    const res = await student.post('/submissions', { text: SAMPLE_MEMO });
    const id = Number(res.headers.get('location')!.split('/').pop());
    expect(await waitForEvaluation(a, id)).toBe('failed');
    expect((await student.post(`/evaluations/${id}/retry`)).status).toBe(303);
    expect(await waitForEvaluation(a, id)).toBe('done');
    const attempts = rows<{ run: number; outcome: string; error_type: string | null; request_id: string; cost_usd: number }>(a.db, 'select * from evaluation_attempts where evaluation_id = ? order by id', id);
    expect(attempts.map((x) => [x.run, x.outcome, x.error_type])).toEqual([
      [1, 'bad_request', 'invalid_request_error'],
      [2, 'ok', null],
    ]);
    expect(attempts.map((x) => x.request_id)).toEqual(claude.fake.requests.map((r) => r.requestId));
    const [ev] = rows<{ attempts: number; cost_usd: number }>(a.db, 'select attempts, cost_usd from evaluations where id = ?', id);
    expect(ev!.attempts).toBe(2);
    expect(ev!.cost_usd).toBeCloseTo(attempts[0]!.cost_usd + attempts[1]!.cost_usd, 10);
    const detail = await (await (await signedIn(a, 'bo-admin')).get(`/admin/evaluations/${id}`)).text();
    for (const r of claude.fake.requests) expect(detail).toContain(r.requestId);
    expect(detail).toContain('invalid_request_error');
  });
});

describe('a queue that respects the provider', () => {
  it('rides out 40 × 429 (half without retry-after) across 30 memos: all done, pool paused, nothing sent while paused', async () => {
    const a = app(() => ({ concurrency: 4, backoff: { initial_seconds: 0.05, max_seconds: 0.4 } }));
    const answer = JSON.stringify(validOutput(a.config.current.files.rubric));
    let n = 0;
    claude.fake.responder = () => (++n <= 40 ? { kind: 'error', status: 429, ...(n % 2 ? { retryAfterSeconds: 1 } : {}) } : { kind: 'message', text: answer });
    const ids: number[] = [];
    for (let i = 0; i < 30; i++) ids.push(await submit(a, `${SAMPLE_MEMO}\n\nMemo number ${i}.`));
    let sawPausedHealth = false;
    let sawPausedMetric = false;
    const auth = { authorization: `Bearer ${TOKEN}` };
    const probe = a.client();
    for (let i = 0; i < 600 && count(a.db, 'evaluations', "status in ('queued', 'running')") > 0; i++) {
      const health = (await (await probe.get('/health', auth)).json()) as { status: string; checks: { llm: { status: string; detail: string } } };
      if (health.checks.llm.status === 'failing' && health.checks.llm.detail.includes('pool paused')) sawPausedHealth = true;
      if (/^memoai_llm_pool_paused 1$/m.test(await (await probe.get('/metrics', auth)).text())) sawPausedMetric = true;
      await new Promise((r) => setTimeout(r, 50));
    }
    const statuses = rows<{ status: string; n: number }>(a.db, 'select status, count(*) n from evaluations group by status');
    expect(statuses).toEqual([{ status: 'done', n: 30 }]);
    expect(n).toBe(70);
    expect(sawPausedHealth).toBe(true);
    expect(sawPausedMetric).toBe(true);
    expect(a.gate.pausesTotal).toBeGreaterThan(1);
    // No attempt started inside a pause window (its own 429 starts a window; attempts are stamped before sending).
    const starts = rows<{ started_at: number }>(a.db, 'select started_at from evaluation_attempts').map((r) => r.started_at);
    expect(starts).toHaveLength(70);
    for (const w of a.gate.windows) for (const s of starts) expect(s > w.from && s < w.until).toBe(false);
    const metrics = await (await probe.get('/metrics', auth)).text();
    expect(metrics).toMatch(/^memoai_llm_attempts_total\{outcome="rate_limited",error_type="rate_limit_error"\} 40$/m);
    expect(metrics).toMatch(/^memoai_llm_pool_pauses_total [1-9]\d*$/m);
    // Once calls succeed again, health is ok again.
    const after = (await (await probe.get('/health', auth)).json()) as { checks: { llm: { status: string } } };
    expect(after.checks.llm.status).toBe('ok');
  }, 60_000);

  it('shows a waiting memo as "waiting for the AI service" with its place in line, not a failure', async () => {
    const a = app(() => ({ concurrency: 1 }));
    claude.fake.script({ kind: 'error', status: 529, retryAfterSeconds: 30 });
    const student = a.client();
    const res = await student.post('/submissions', { text: SAMPLE_MEMO });
    const id = Number(res.headers.get('location')!.split('/').pop());
    for (let i = 0; i < 200 && claude.fake.requests.length === 0; i++) await new Promise((r) => setTimeout(r, 10));
    for (let i = 0; i < 200 && !rows<{ nb: number | null }>(a.db, 'select not_before nb from evaluations where id = ?', id)[0]!.nb; i++) await new Promise((r) => setTimeout(r, 10));
    const page = await (await student.get(`/evaluations/${id}`)).text();
    expect(page).toContain('Waiting for the AI service');
    expect(page).not.toContain('Try again');
    const json = (await (await student.get(`/evaluations/${id}`, { accept: 'application/json' })).json()) as { status: string; queuePosition: number; waitingForProvider: boolean };
    expect(json).toMatchObject({ status: 'queued', queuePosition: 1, waitingForProvider: true });
    const health = (await (await a.client().get('/health', { authorization: `Bearer ${TOKEN}` })).json()) as { status: string; checks: { llm: { detail: string } } };
    expect(health.status).toBe('degraded');
    expect(health.checks.llm.detail).toContain('pool paused until');
  });

  it('marks /health llm failed-auth at once on a 401, with the reason', async () => {
    const a = app();
    claude.fake.script({ kind: 'error', status: 401 });
    await submit(a, SAMPLE_MEMO);
    for (let i = 0; i < 200 && claude.fake.requests.length === 0; i++) await new Promise((r) => setTimeout(r, 10));
    await new Promise((r) => setTimeout(r, 50));
    const health = (await (await a.client().get('/health', { authorization: `Bearer ${TOKEN}` })).json()) as { status: string; checks: { llm: { status: string; detail: string } } };
    expect(health.status).toBe('degraded');
    expect(health.checks.llm).toMatchObject({ status: 'failing' });
    expect(health.checks.llm.detail).toContain('failed-auth');
  });
});

describe('feedback that survives a sloppy model', () => {
  it('anchors decomposed accents, changed capitals and trailing periods, and drops a segment with no questions', async () => {
    const a = app();
    const memo = 'TO: Equipo\n\nRecomiendo aprobar la inversio\u0301n de $240,000 en Dayton.\n\nthe pilot cut errors by 38% last quarter\n\nPlease approve by Friday';
    const out = validOutput(a.config.current.files.rubric, { quotes: ['la inversión de $240,000', 'The pilot cut errors by 38%', 'Please approve by Friday.', 'Recomiendo aprobar'] });
    out.segments[3]!.questions = [];
    claude.fake.script({ kind: 'message', text: JSON.stringify(out) });
    const student = a.client();
    const res = await student.post('/submissions', { text: memo });
    const id = Number(res.headers.get('location')!.split('/').pop());
    expect(await waitForEvaluation(a, id)).toBe('done');
    const json = (await (await student.get(`/evaluations/${id}`, { accept: 'application/json' })).json()) as { memo: string; result: { segments: { anchored: boolean; start: number; end: number }[] } };
    const segs = json.result.segments;
    expect(segs).toHaveLength(3);
    expect(segs.every((s) => s.anchored)).toBe(true);
    expect(segs.map((s) => json.memo.slice(s.start, s.end))).toEqual(['la inversio\u0301n de $240,000', 'the pilot cut errors by 38%', 'Please approve by Friday']);
    const [attempt] = rows<{ problems: string }>(a.db, 'select problems from evaluation_attempts where evaluation_id = ?', id);
    expect(JSON.parse(attempt!.problems)).toEqual(['segments.3 dropped: questions: needs at least 1']);
  });
});

describe('the dashboard shows what was spent', () => {
  it('shows today\'s and this month\'s spend and the cache hit rate, and warns when the prompt is not cached', async () => {
    const a = app();
    claude.fake.script({ kind: 'message', text: JSON.stringify(validOutput(a.config.current.files.rubric)) });
    for (let i = 0; i < 3; i++) expect(await waitForEvaluation(a, await submit(a, `${SAMPLE_MEMO}\n\nCached ${i}.`))).toBe('done');
    const admin = await signedIn(a, 'bo-admin');
    const stats = (await (await admin.get('/admin', { accept: 'application/json' })).json()) as { usage: { today: { costUsd: number }; month: { costUsd: number }; cacheHitRate: number; cacheWarning?: string } };
    const spent = rows<{ s: number }>(a.db, 'select sum(cost_usd) s from evaluation_attempts')[0]!.s;
    expect(stats.usage.today.costUsd).toBeCloseTo(spent, 10);
    expect(stats.usage.month.costUsd).toBeCloseTo(spent, 10);
    // The first call writes the cached system prompt, the next two read it.
    expect(stats.usage.cacheHitRate).toBeGreaterThan(0.3);
    expect(stats.usage.cacheWarning).toBeUndefined();

    // Calls that write the cache but never read it back (as when the system prompt changes every time).
    claude.fake.script({ kind: 'message', text: JSON.stringify(validOutput(a.config.current.files.rubric)), usage: { cache_read_input_tokens: 0, cache_creation_input_tokens: 3000 } });
    for (let i = 0; i < 10; i++) expect(await waitForEvaluation(a, await submit(a, `${SAMPLE_MEMO}\n\nUncached ${i}.`))).toBe('done');
    const page = await (await admin.get('/admin')).text();
    expect(page).toContain('The prompt is not being cached');
  });
});
