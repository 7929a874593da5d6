import { describe, expect, it } from 'vitest';
import { shippedConfig } from '../../test/helpers/shipped-config.ts';
import { SAMPLE_MEMO, validOutput } from '../../test/helpers/outputs.ts';
import { buildResult, type Outcome } from './evaluate.ts';
import { combineReadings } from './evaluate-samples.ts';
import { ZERO_USAGE } from './types.ts';

const { rubric } = shippedConfig();
const ids = rubric.criteria.map((c) => c.id); // structure, evidence (20), clarity, audience, the_ask, risks (15)

/** A trace whose every figure names the reading, so sums are checkable. */
const trace = (n: number, attempts = 1) => ({
  rawPrompt: 'the prompt',
  rawResponse: `answer ${n}`,
  usage: { ...ZERO_USAGE, inputTokens: 100 * n, outputTokens: 10 * n },
  costUsd: 0.01 * n,
  attempts,
  latencyMs: 1000 * n,
});

/** A successful reading with scores in rubric order; its justifications and feedback name it. */
function reading(n: number, ...scores: number[]): Outcome {
  const out = validOutput(rubric, { scores: Object.fromEntries(ids.map((id, i) => [id, scores[i]!])) });
  for (const id of ids) out.criteria[id]!.justification = `reading ${n} on ${id}`;
  out.strengths = [`strength from reading ${n}`];
  out.opportunities = [`opportunity from reading ${n}`];
  return { ok: true, result: buildResult(rubric, SAMPLE_MEMO, out, false), trace: trace(n) };
}

const failure = (n: number, kind: 'server_error' | 'invalid_output' = 'server_error'): Outcome => ({ ok: false, kind, message: `reading ${n} failed`, trace: trace(n, 2) });
const rateLimited = (n: number): Outcome => ({ ok: false, kind: 'rate_limited', message: 'rate limited', trace: trace(n), wait: { retryAfterMs: 1000 } });

const scoresOf = (o: Outcome) => (o.ok ? o.result.criteria.map((c) => c.score) : []);

describe('combineReadings', () => {
  it("takes each criterion's median and recomputes overall and band from the medians", () => {
    const { outcome, spread } = combineReadings(rubric, [reading(1, 3, 4, 2, 5, 1, 3), reading(2, 4, 4, 3, 3, 2, 3), reading(3, 2, 5, 3, 4, 5, 1)]);
    expect(outcome.ok).toBe(true);
    expect(scoresOf(outcome)).toEqual([3, 4, 3, 4, 2, 3]);
    // (3·20 + 4·20 + 3·15 + 4·15 + 2·15 + 3·15) / 100 = 3.2 → Fair
    expect(outcome.ok && [outcome.result.overall, outcome.result.band]).toEqual([3.2, 'Fair']);
    expect(spread!.criteria.map((c) => [c.id, c.scores, c.median, c.range])).toEqual([
      ['structure', [3, 4, 2], 3, 2],
      ['evidence', [4, 4, 5], 4, 1],
      ['clarity', [2, 3, 3], 3, 1],
      ['audience', [5, 3, 4], 4, 2],
      ['the_ask', [1, 2, 5], 2, 4],
      ['risks', [3, 3, 1], 3, 2],
    ]);
    // Population sd of [1, 2, 5]: mean 8/3, squares sum (25 + 4 + 49) / 9 = 78/9, / 3 → sqrt(26/9).
    expect(spread!.criteria[4]!.sd).toBeCloseTo(Math.sqrt(26 / 9), 12);
    expect(spread).toMatchObject({ readings: 3, used: [0, 1, 2], failed: [] });
  });

  it('takes feedback from the reading closest to the medians and each justification from a reading with the median score', () => {
    // Medians 3,4,3,4,2,3. Distances: reading 1 → 0+0+1+1+1+0 = 3, reading 2 → 1+0+0+1+0+0 = 2, reading 3 → 1+1+0+0+3+2 = 7.
    const { outcome } = combineReadings(rubric, [reading(1, 3, 4, 2, 5, 1, 3), reading(2, 4, 4, 3, 3, 2, 3), reading(3, 2, 5, 3, 4, 5, 1)]);
    if (!outcome.ok) throw new Error('expected a result');
    expect(outcome.result.strengths).toEqual(['strength from reading 2']);
    expect(outcome.result.opportunities).toEqual(['opportunity from reading 2']);
    // structure 3: only reading 1; evidence 4: readings 1 and 2, the closer is 2; audience 4: only reading 3.
    expect(outcome.result.criteria.map((c) => c.justification)).toEqual([
      'reading 1 on structure',
      'reading 2 on evidence',
      'reading 2 on clarity',
      'reading 3 on audience',
      'reading 2 on the_ask',
      'reading 2 on risks',
    ]);
  });

  it('breaks a tie in closeness by the lowest reading index', () => {
    // Medians 3 everywhere; readings 2 and 3 are each one point away, reading 1 four points.
    const { outcome } = combineReadings(rubric, [reading(1, 5, 5, 3, 3, 3, 3), reading(2, 3, 3, 3, 3, 3, 4), reading(3, 3, 3, 3, 3, 2, 3)]);
    if (!outcome.ok) throw new Error('expected a result');
    expect(scoresOf(outcome)).toEqual([3, 3, 3, 3, 3, 3]);
    expect(outcome.result.strengths).toEqual(['strength from reading 2']);
    // risks: reading 2 said 4, so its median 3 is explained by reading 3 (as close as reading 2, closer than reading 1).
    expect(outcome.result.criteria.map((c) => c.justification)).toEqual([...ids.slice(0, 5).map((id) => `reading 2 on ${id}`), 'reading 3 on risks']);
  });

  it('combines the majority when one reading of three failed, and records the failure', () => {
    const { outcome, spread } = combineReadings(rubric, [reading(1, 2, 2, 2, 2, 2, 2), failure(2), reading(3, 4, 4, 4, 4, 4, 4)]);
    // Two scores: the lower middle one (medianScore).
    expect(scoresOf(outcome)).toEqual([2, 2, 2, 2, 2, 2]);
    expect(spread).toMatchObject({ readings: 3, used: [0, 2], failed: [{ reading: 1, kind: 'server_error', message: 'reading 2 failed' }] });
    expect(spread!.criteria[0]).toMatchObject({ scores: [2, 4], min: 2, max: 4, range: 2, sd: 1 });
  });

  it('fails with the first failure when no majority succeeded', () => {
    const { outcome, spread } = combineReadings(rubric, [reading(1, 3, 3, 3, 3, 3, 3), failure(2, 'invalid_output'), failure(3)]);
    expect(outcome).toMatchObject({ ok: false, kind: 'invalid_output', message: 'reading 2 failed' });
    expect(spread).toBeUndefined();
    // Two of four is not a majority either.
    const even = combineReadings(rubric, [reading(1, 3, 3, 3, 3, 3, 3), reading(2, 3, 3, 3, 3, 3, 3), failure(3), failure(4)]);
    expect(even.outcome).toMatchObject({ ok: false, kind: 'server_error', message: 'reading 3 failed' });
  });

  it('fails with the first failure when every reading failed', () => {
    const { outcome } = combineReadings(rubric, [failure(1), failure(2, 'invalid_output'), failure(3)]);
    expect(outcome).toMatchObject({ ok: false, kind: 'server_error', message: 'reading 1 failed' });
  });

  it('takes the provider wait when any reading had to wait, even with a successful majority', () => {
    const { outcome, spread } = combineReadings(rubric, [reading(1, 3, 3, 3, 3, 3, 3), rateLimited(2), reading(3, 3, 3, 3, 3, 3, 3)]);
    expect(outcome).toMatchObject({ ok: false, kind: 'rate_limited', wait: { retryAfterMs: 1000 } });
    expect(spread).toBeUndefined();
    // The successful readings' attempts are still counted and costed.
    expect(outcome.trace).toMatchObject({ attempts: 3, costUsd: expect.closeTo(0.06, 12) });
  });

  it('keeps one trace: the prompt once, every reading labelled, usage, cost and attempts summed', () => {
    const { outcome } = combineReadings(rubric, [reading(1, 3, 3, 3, 3, 3, 3), failure(2), reading(3, 3, 3, 3, 3, 3, 3)]);
    const t = outcome.trace;
    expect(t.rawPrompt).toBe('the prompt');
    expect(t.rawResponse).toBe('=== reading 1 of 3 ===\n\nanswer 1\n\n=== reading 2 of 3 ===\n\nanswer 2\n\n=== reading 3 of 3 ===\n\nanswer 3');
    expect(t.usage).toEqual({ ...ZERO_USAGE, inputTokens: 600, outputTokens: 60 });
    expect(t.costUsd).toBeCloseTo(0.06, 12);
    expect(t.attempts).toBe(4);
  });
});
