// Issue 16: criteria stream onto the page as the model writes them (the real SDK against the fake,
// streaming), failed streams leave nothing behind, review-before-release shows nothing early.
import { describe, expect, it } from 'vitest';
import { requeueRunning } from '../src/db/queries/evaluations.ts';
import { insertSubmissionWithEvaluation } from '../src/db/queries/submissions.ts';
import { signedIn, waitForEvaluation, type Client, type TestApp } from './helpers/app.ts';
import { METRICS_TOKEN, useClaudeApp } from './helpers/claude-app.ts';
import { row } from './helpers/db.ts';
import { SAMPLE_MEMO, validOutput } from './helpers/outputs.ts';
import { insertAssignment, userId } from './helpers/reviews.ts';

const claude = useClaudeApp();

interface EvaluationJson {
  status: string;
  result?: { criteria: Array<{ id: string; name: string; score: number; justification: string }> };
}

const json = async (c: Client, id: number) => (await (await c.get(`/evaluations/${id}`, { accept: 'application/json' })).json()) as EvaluationJson;

/** Polls the JSON until `done` says yes (bounded); returns that answer. */
async function pollUntil(c: Client, id: number, done: (j: EvaluationJson) => boolean): Promise<EvaluationJson> {
  for (let i = 0; i < 400; i++) {
    const j = await json(c, id);
    if (done(j)) return j;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`evaluation ${id} never reached the expected state`);
}

async function submit(c: Client): Promise<number> {
  const res = await c.post('/submissions', { text: SAMPLE_MEMO });
  expect(res.status).toBe(303);
  return Number(res.headers.get('location')!.split('/').pop());
}

const justification = (id: string) => `Justification for ${id}.`;
const partialOf = (a: TestApp, id: number) => row<{ partial_json: string | null; first_feedback_ms: number | null }>(a.db, 'select partial_json, first_feedback_ms from evaluations where id = ?', id)!;

describe('streamed criteria', () => {
  it('shows the first criterion on the page and in JSON while running, then the full result; records time to first feedback', async () => {
    const a = claude.start();
    const rubric = a.config.current.files.rubric;
    const ids = rubric.criteria.map((c) => c.id);
    claude.fake.script({ kind: 'message', text: JSON.stringify(validOutput(rubric)) });
    claude.fake.streamPace = { thinkingMs: 0, tokensPerSecond: 150 };
    const ana = await signedIn(a, 'ana-student');
    const id = await submit(ana);

    const early = await pollUntil(ana, id, (j) => (j.result?.criteria.length ?? 0) > 0);
    expect(early.status).toBe('running');
    expect(early.result!.criteria[0]).toEqual({ id: ids[0], name: rubric.criteria[0]!.name, score: 3, justification: justification(ids[0]!) });
    expect(early.result!.criteria.length).toBeLessThan(ids.length);
    expect(early).not.toHaveProperty('result.overall');

    const page = await (await ana.get(`/evaluations/${id}`)).text();
    expect(page).toContain('Evaluating your memo…');
    expect(page).toContain(justification(ids[0]!));
    expect(page).toMatch(new RegExp(`<title>Evaluating… \\(\\d of ${ids.length}\\) · `));
    expect(page).toContain('Still being evaluated…');
    expect(page).toContain('http-equiv="refresh" content="2"');
    const fragment = await (await ana.get(`/evaluations/${id}`, { 'hx-request': 'true' })).text();
    expect(fragment).toMatch(new RegExp(`^<title>Evaluating… \\(\\d of ${ids.length}\\) · Memo AI Coach</title><section id="evaluation-panel"`));
    expect(fragment).toMatch(/data-announce="\d of 6 criteria ready\. /);

    expect(await waitForEvaluation(a, id)).toBe('done');
    const done = await json(ana, id);
    expect(done.result!.criteria).toHaveLength(ids.length);
    expect((done.result as unknown as { overall: number }).overall).toBe(3);
    const finalFragment = await (await ana.get(`/evaluations/${id}`, { 'hx-request': 'true' })).text();
    expect(finalFragment).toMatch(/^<title>Your feedback · Memo AI Coach<\/title>/);
    const stored = partialOf(a, id);
    expect(stored.partial_json).toBeNull();
    expect(stored.first_feedback_ms).toBeGreaterThan(0);
    const attempt = row<{ outcome: string; output_tokens: number; cost_usd: number }>(a.db, 'select outcome, output_tokens, cost_usd from evaluation_attempts where evaluation_id = ?', id)!;
    expect(attempt.outcome).toBe('ok');
    expect(attempt.output_tokens).toBeGreaterThan(0);
    expect(attempt.cost_usd).toBeGreaterThan(0);
    const metrics = await (await a.client().get('/metrics', { authorization: `Bearer ${METRICS_TOKEN}` })).text();
    expect(metrics).toMatch(/^memoai_evaluation_first_feedback_seconds_count 1$/m);
  });

  it('a stream cut mid-way leaves no partial criteria on the page or in JSON once it failed; its tokens are recorded', async () => {
    // A mid-stream overloaded_error makes the provider wait; a pause past the total timeout fails the memo.
    const a = claude.start(() => ({ total_timeout_seconds: 5, backoff: { initial_seconds: 60, max_seconds: 120 } }));
    const rubric = a.config.current.files.rubric;
    const ids = rubric.criteria.map((c) => c.id);
    claude.fake.script({ kind: 'message', text: JSON.stringify(validOutput(rubric)), streamErrorAfterChunks: 12 });
    claude.fake.streamEventDelayMs = 40;
    const ana = await signedIn(a, 'ana-student');
    const id = await submit(ana);

    const early = await pollUntil(ana, id, (j) => (j.result?.criteria.length ?? 0) > 0 || j.status === 'failed');
    expect(early.status).toBe('running');
    expect(await waitForEvaluation(a, id)).toBe('failed');

    const after = await json(ana, id);
    expect(after.status).toBe('failed');
    expect(after.result).toBeUndefined();
    const page = await (await ana.get(`/evaluations/${id}`)).text();
    for (const c of ids) expect(page).not.toContain(justification(c));
    expect(partialOf(a, id).partial_json).toBeNull();
    const attempt = row<{ outcome: string; input_tokens: number; cost_usd: number }>(a.db, 'select outcome, input_tokens, cost_usd from evaluation_attempts where evaluation_id = ?', id)!;
    expect(attempt.outcome).toBe('overloaded');
    expect(attempt.input_tokens).toBeGreaterThan(0);
    expect(attempt.cost_usd).toBeGreaterThan(0);
    expect(row<{ input_tokens: number }>(a.db, 'select input_tokens from evaluations where id = ?', id)!.input_tokens).toBe(attempt.input_tokens);
  });

  it('an answer that fails validation drops its streamed criteria; the re-ask streams them again', async () => {
    const a = claude.start();
    const rubric = a.config.current.files.rubric;
    const invalid = { ...validOutput(rubric), strengths: [] };
    claude.fake.script({ kind: 'message', text: JSON.stringify(invalid) }, { kind: 'message', text: JSON.stringify(validOutput(rubric)), delayMs: 400 });
    const ana = await signedIn(a, 'ana-student');
    const id = await submit(ana);
    // Between the answers (the re-ask waits 400 ms at the fake) nothing of the first one is shown.
    await pollUntil(ana, id, () => claude.fake.requests.length === 2);
    const between = await json(ana, id);
    expect(between.status).toBe('running');
    expect(between.result).toBeUndefined();
    expect(await waitForEvaluation(a, id)).toBe('done');
    expect(row<{ attempts: number }>(a.db, 'select attempts from evaluations where id = ?', id)!.attempts).toBe(2);
  });

  it('a restart mid-stream puts the row back in the queue without the criteria it had streamed', async () => {
    const a = claude.start();
    claude.fake.script({ kind: 'message', text: JSON.stringify(validOutput(a.config.current.files.rubric)) });
    claude.fake.streamPace = { thinkingMs: 0, tokensPerSecond: 50 };
    const ana = await signedIn(a, 'ana-student');
    const id = await submit(ana);
    await pollUntil(ana, id, (j) => (j.result?.criteria.length ?? 0) > 0);
    // What start-up does after a crash (the worker is still streaming here; its finish then finds no running row).
    expect(requeueRunning(a.db)).toBe(1);
    expect(partialOf(a, id).partial_json).toBeNull();
    const j = await json(ana, id);
    expect(j.status).toBe('queued');
    expect(j.result).toBeUndefined();
  });

  it('review before release: nothing partial is shown or returned while running', async () => {
    const a = claude.start();
    const rubric = a.config.current.files.rubric;
    claude.fake.script({ kind: 'message', text: JSON.stringify(validOutput(rubric)) });
    claude.fake.streamPace = { thinkingMs: 0, tokensPerSecond: 150 };
    const ana = await signedIn(a, 'ana-student');
    const assignment = { id: insertAssignment(a, { slug: 'held', release: 'review' }), release: 'review' as const };
    const id = insertSubmissionWithEvaluation(a.db, { writerId: userId(a, 'ana-student'), text: SAMPLE_MEMO, parentId: null, now: Date.now(), assignment });
    a.queue.notify();

    // Stored for the run (it is the same pipeline), never shown.
    for (let i = 0; i < 400 && !partialOf(a, id).partial_json; i++) await new Promise((r) => setTimeout(r, 10));
    expect(partialOf(a, id).partial_json).not.toBeNull();
    const j = await json(ana, id);
    expect(j.status).toBe('running');
    expect(j.result).toBeUndefined();
    const page = await (await ana.get(`/evaluations/${id}`)).text();
    expect(page).not.toContain(justification(rubric.criteria[0]!.id));
    expect(page).toContain('<title>Evaluating… · Memo AI Coach</title>');
    expect(await waitForEvaluation(a, id)).toBe('done');
    expect((await json(ana, id)).result).toBeUndefined();
  });
});
