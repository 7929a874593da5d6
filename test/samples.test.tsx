// Issue 15, consistency in production: llm.yaml `samples: k` reads each memo k times in parallel and
// combines the readings by the median (decision 019). The real app and SDK against the fake Messages
// server, whose grader adds seeded noise of −1/0/+1 per reading and criterion.
import { describe, expect, it } from 'vitest';
import type { FileConfig } from '../src/config/load.ts';
import { signedIn, waitForEvaluation, type Client, type TestApp } from './helpers/app.ts';
import { useClaudeApp } from './helpers/claude-app.ts';
import { row, rows } from './helpers/db.ts';
import { fakeGrader, type GraderAnswer } from './helpers/fake-grader.ts';
import { SAMPLE_MEMO } from './helpers/outputs.ts';

const claude = useClaudeApp();
const SEED = 7;

/** The app with llm.yaml tweaked, answering through a fresh noisy grader. */
function start(llm: Partial<FileConfig['llm']>): { a: TestApp; grader: ReturnType<typeof fakeGrader> } {
  const a = claude.start(() => llm);
  const grader = fakeGrader({ noise: { seed: SEED } });
  claude.fake.responder = grader.responder;
  return { a, grader };
}

async function submit(c: Client, text = SAMPLE_MEMO): Promise<number> {
  const res = await c.post('/submissions', { text });
  expect(res.status).toBe(303);
  return Number(res.headers.get('location')!.split('/').pop());
}

interface Attempt {
  run: number;
  sample: number;
  outcome: string;
  cost_usd: number;
}
const attemptsOf = (a: TestApp, id: number) => rows<Attempt>(a.db, 'select run, sample, outcome, cost_usd from evaluation_attempts where evaluation_id = ? order by id', id);
const evaluationRow = (a: TestApp, id: number) =>
  row<{ samples: number; spread_json: string | null; result_json: string | null; cost_usd: number; attempts: number; runs: number; first_feedback_ms: number | null; raw_response: string }>(
    a.db,
    'select samples, spread_json, result_json, cost_usd, attempts, runs, first_feedback_ms, raw_response from evaluations where id = ?',
    id,
  )!;

/** The test's own oracle over the grader's recorded answers: median (middle of three), range and population sd per criterion. */
function oracle(answers: GraderAnswer[]): Record<string, { median: number; range: number; sd: number; scores: number[] }> {
  const ids = Object.keys(answers[0]!.scores);
  return Object.fromEntries(
    ids.map((id) => {
      const scores = answers.map((x) => x.scores[id]!);
      const sorted = [...scores].sort((p, q) => p - q);
      const mean = (scores[0]! + scores[1]! + scores[2]!) / 3;
      const sd = Math.sqrt(((scores[0]! - mean) ** 2 + (scores[1]! - mean) ** 2 + (scores[2]! - mean) ** 2) / 3);
      return [id, { median: sorted[1]!, range: sorted[2]! - sorted[0]!, sd, scores }];
    }),
  );
}

interface StudentJson {
  status: string;
  readings?: number;
  scoresVariedBy?: number;
  result?: { criteria: Array<{ id: string; score: number }> };
}
const studentJson = async (c: Client, id: number) => (await (await c.get(`/evaluations/${id}`, { accept: 'application/json' })).json()) as StudentJson;

describe('llm.yaml samples: 3', () => {
  it('makes one attempt per reading and stores the median of the three answers with their spread', async () => {
    const { a, grader } = start({ samples: 3 });
    const student = a.client();
    const id = await submit(student);
    expect(await waitForEvaluation(a, id)).toBe('done');

    expect(attemptsOf(a, id).map((x) => [x.run, x.sample, x.outcome]).sort()).toEqual([
      [1, 0, 'ok'],
      [1, 1, 'ok'],
      [1, 2, 'ok'],
    ]);
    expect(grader.answers).toHaveLength(3);
    const want = oracle(grader.answers);
    const ev = evaluationRow(a, id);
    expect(ev.samples).toBe(3);
    const result = JSON.parse(ev.result_json!) as { criteria: Array<{ id: string; score: number }> };
    expect(Object.fromEntries(result.criteria.map((c) => [c.id, c.score]))).toEqual(Object.fromEntries(Object.entries(want).map(([k, o]) => [k, o.median])));
    const spread = JSON.parse(ev.spread_json!) as { used: number[]; failed: unknown[]; criteria: Array<{ id: string; scores: number[]; min: number; max: number; range: number; sd: number }> };
    expect(spread.used).toEqual([0, 1, 2]);
    expect(spread.failed).toEqual([]);
    for (const c of spread.criteria) {
      expect(c.range).toBe(want[c.id]!.range);
      expect(c.sd).toBeCloseTo(want[c.id]!.sd, 12);
      // Stored in reading order, the grader's in arrival order: the same three scores.
      expect([...c.scores].sort()).toEqual([...want[c.id]!.scores].sort());
    }
    // The noise made the readings disagree somewhere (the seed is chosen for it): the note's premise.
    const variedBy = Math.max(...Object.values(want).map((o) => o.range));
    expect(variedBy).toBeGreaterThanOrEqual(1);
    // No partial criteria while the readings disagree: nothing streamed, so no first-feedback time.
    expect(ev.first_feedback_ms).toBeNull();
    expect(ev.raw_response).toContain('=== reading 3 of 3 ===');

    // The student is told (threshold 1, the default), on the page and in JSON.
    const page = await (await student.get(`/evaluations/${id}`)).text();
    expect(page).toContain(`Scores varied by up to ${variedBy} point${variedBy === 1 ? '' : 's'} between readings; the score shown for each criterion is the median of 3 readings.`);
    expect(await studentJson(student, id)).toMatchObject({ status: 'done', readings: 3, scoresVariedBy: variedBy });

    // The admin sees every reading, the median used, range and sd, and which reading each attempt was.
    const admin = await signedIn(a, 'bo-admin');
    const detail = await (await admin.get(`/admin/evaluations/${id}`)).text();
    expect(detail).toContain('<h2>Readings</h2>');
    expect(detail).toContain('Reading 3</th>');
    expect(detail).toContain('Median used');
    expect(detail).toContain('<th scope="col">Reading</th>');
    const adminJson = (await (await admin.get(`/admin/evaluations/${id}`, { accept: 'application/json' })).json()) as { samples: number; spread: typeof spread; spreadJson?: unknown; attemptLog: Array<{ sample: number }> };
    expect(adminJson.samples).toBe(3);
    expect(adminJson.spread.criteria.map((c) => c.range)).toEqual(spread.criteria.map((c) => c.range));
    expect(adminJson.spreadJson).toBeUndefined();
    expect(adminJson.attemptLog.map((x) => x.sample).sort()).toEqual([0, 1, 2]);
  });

  it('says nothing about the readings to the student when they varied less than spread_note_threshold', async () => {
    // Noise moves a score by at most 1 each way, so no range reaches 3.
    const { a } = start({ samples: 3, spread_note_threshold: 3 });
    const student = a.client();
    const id = await submit(student);
    expect(await waitForEvaluation(a, id)).toBe('done');
    expect(evaluationRow(a, id).spread_json).not.toBeNull();
    const page = await (await student.get(`/evaluations/${id}`)).text();
    expect(page).toContain('Scores by criterion');
    expect(page).not.toContain('between readings');
    const j = await studentJson(student, id);
    expect(j.readings).toBe(3);
    expect(j).not.toHaveProperty('scoresVariedBy');
  });

  it('costs three times a single reading of the same memo', async () => {
    // Prompt caching off: with it on, whichever of the parallel readings arrives first writes the cache
    // (priced above plain input) and the others read it (priced far below), so the sum would not be 3×.
    const single = start({ samples: 1, prompt_caching: false });
    const one = await submit(single.a.client());
    expect(await waitForEvaluation(single.a, one)).toBe('done');
    const oneCost = evaluationRow(single.a, one).cost_usd;
    expect(oneCost).toBeGreaterThan(0);
    await single.a.close();

    const triple = start({ samples: 3, prompt_caching: false });
    const three = await submit(triple.a.client());
    expect(await waitForEvaluation(triple.a, three)).toBe('done');
    const attempts = attemptsOf(triple.a, three);
    expect(attempts).toHaveLength(3);
    const sum = attempts.reduce((s, x) => s + x.cost_usd, 0);
    expect(evaluationRow(triple.a, three).cost_usd).toBeCloseTo(sum, 12);
    expect(sum).toBeCloseTo(3 * oneCost, 12);
  });

  it('combines the two readings that answered when one keeps failing, and records the failure', async () => {
    const { a, grader } = start({ samples: 3, max_retries: 0 });
    let n = 0;
    claude.fake.responder = (req) => (++n === 1 ? { kind: 'error', status: 500 } : grader.responder(req));
    const student = a.client();
    const id = await submit(student);
    expect(await waitForEvaluation(a, id)).toBe('done');
    const attempts = attemptsOf(a, id);
    expect(attempts).toHaveLength(3);
    const failed = attempts.find((x) => x.outcome !== 'ok')!;
    expect(failed.outcome).toBe('server_error');
    const spread = JSON.parse(evaluationRow(a, id).spread_json!) as { used: number[]; failed: Array<{ reading: number; kind: string }>; criteria: Array<{ id: string; scores: number[]; median: number }> };
    expect(spread.failed).toMatchObject([{ reading: failed.sample, kind: 'server_error' }]);
    expect(spread.used).toEqual([0, 1, 2].filter((i) => i !== failed.sample));
    // Two scores: the lower one is the median (between two levels, the lower).
    for (const c of spread.criteria) {
      const given = grader.answers.map((x) => x.scores[c.id]!);
      expect([...c.scores].sort()).toEqual([...given].sort());
      expect(c.median).toBe(Math.min(...given));
    }
    const detail = await (await (await signedIn(a, 'bo-admin')).get(`/admin/evaluations/${id}`)).text();
    expect(detail).toContain(`Reading ${failed.sample + 1} failed (<code>server_error</code>)`);
  });

  it('puts the evaluation back in the queue when one reading is rate limited, keeping the other readings\' attempts and cost', async () => {
    const { a, grader } = start({ samples: 3, backoff: { initial_seconds: 0.05, max_seconds: 0.4 } });
    let n = 0;
    claude.fake.responder = (req) => (++n === 1 ? { kind: 'error', status: 429 } : grader.responder(req));
    const id = await submit(a.client());
    expect(await waitForEvaluation(a, id)).toBe('done');
    const ev = evaluationRow(a, id);
    expect(ev.runs).toBe(2);
    const attempts = attemptsOf(a, id);
    const first = attempts.filter((x) => x.run === 1);
    expect(first.map((x) => x.outcome).sort()).toEqual(['ok', 'ok', 'rate_limited']);
    for (const x of first.filter((y) => y.outcome === 'ok')) expect(x.cost_usd).toBeGreaterThan(0);
    expect(attempts.filter((x) => x.run === 2).map((x) => [x.sample, x.outcome]).sort()).toEqual([
      [0, 'ok'],
      [1, 'ok'],
      [2, 'ok'],
    ]);
    expect(ev.attempts).toBe(6);
    expect(ev.cost_usd).toBeCloseTo(attempts.reduce((s, x) => s + x.cost_usd, 0), 12);
  });
});

describe('llm.yaml samples: 1', () => {
  it('reads once, as before: one attempt, no spread, criteria streamed', async () => {
    const { a } = start({ samples: 1 });
    const student = a.client();
    const id = await submit(student);
    expect(await waitForEvaluation(a, id)).toBe('done');
    expect(attemptsOf(a, id).map((x) => [x.run, x.sample, x.outcome])).toEqual([[1, 0, 'ok']]);
    const ev = evaluationRow(a, id);
    expect(ev).toMatchObject({ samples: 1, spread_json: null, attempts: 1 });
    expect(ev.raw_response).not.toContain('reading 1 of');
    // Criteria were saved as they streamed: the first-feedback time is only recorded then.
    expect(ev.first_feedback_ms).not.toBeNull();
    const j = await studentJson(student, id);
    expect(j.readings).toBe(1);
    expect(j).not.toHaveProperty('scoresVariedBy');
    const detail = await (await (await signedIn(a, 'bo-admin')).get(`/admin/evaluations/${id}`)).text();
    expect(detail).not.toContain('<h2>Readings</h2>');
    expect(detail).not.toContain('<th scope="col">Reading</th>');
  });
});
