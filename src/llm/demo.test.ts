import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EVAL_SETTINGS, SAMPLE_MEMO } from '../../test/helpers/outputs.ts';
import { demoProvider } from './demo.ts';
import { evaluateMemo, type EvaluationResult } from './evaluate.ts';
import { shippedConfig } from '../../test/helpers/shipped-config.ts';

const { rubric, prompt } = shippedConfig();

const VAGUE_MEMO = 'We should maybe think about doing something about the warehouse stuff at some point.';

async function evaluate(memo: string): Promise<EvaluationResult> {
  const out = await evaluateMemo({ ...EVAL_SETTINGS, provider: demoProvider({ delayMs: 0 }), rubric, prompt, memo, signal: new AbortController().signal });
  if (!out.ok) throw new Error(`demo evaluation failed: ${out.kind}: ${out.message}`);
  return out.result;
}

/** The weighted mean of the criterion scores, rounded half-up to one decimal, in integer arithmetic. */
function expectedOverall(r: EvaluationResult): number {
  const sum = r.criteria.reduce((s, c) => s + c.score * c.weight, 0);
  const weights = r.criteria.reduce((s, c) => s + c.weight, 0);
  // Round half-up in tenths: floor(sum*10/weights + 0.5) computed exactly on integers.
  return Math.floor((sum * 20 + weights) / (2 * weights)) / 10;
}

function checkShape(memo: string, r: EvaluationResult) {
  expect(r.demo).toBe(true);
  expect(r.rubricName).toBe(rubric.name);
  expect(r.criteria.map((c) => c.id)).toEqual(rubric.criteria.map((c) => c.id));
  for (const c of r.criteria) {
    expect(Number.isInteger(c.score), c.id).toBe(true);
    expect(c.score).toBeGreaterThanOrEqual(rubric.scale.min);
    expect(c.score).toBeLessThanOrEqual(rubric.scale.max);
    expect(c.justification.trim()).not.toBe('');
  }
  expect(r.overall).toBe(expectedOverall(r));
  expect(r.band).toBe(rubric.bands.find((b) => r.overall >= b.min)?.label);
  expect(r.strengths.length).toBeGreaterThan(0);
  expect(r.opportunities.length).toBeGreaterThan(0);
  expect(r.segments.length).toBeGreaterThan(0);
  for (const s of r.segments) {
    expect(s.anchored, s.quote).toBe(true);
    expect(memo.slice(s.start, s.end)).toBe(s.quote);
    expect(rubric.criteria.map((c) => c.id)).toContain(s.criterion);
  }
}

describe('demo provider through evaluateMemo', () => {
  it('is deterministic: the same memo gives the same result', async () => {
    const a = await evaluate(SAMPLE_MEMO);
    const b = await evaluate(SAMPLE_MEMO);
    expect(b).toEqual(a);
  });

  it('produces a complete, in-range, self-consistent result for a strong memo', async () => {
    checkShape(SAMPLE_MEMO, await evaluate(SAMPLE_MEMO));
  });

  it('produces a complete, in-range, self-consistent result for a vague memo', async () => {
    checkShape(VAGUE_MEMO, await evaluate(VAGUE_MEMO));
  });

  it('scores a strong memo (numbers, recommendation, risks) above a short vague one', async () => {
    const strong = await evaluate(SAMPLE_MEMO);
    const vague = await evaluate(VAGUE_MEMO);
    expect(strong.overall).toBeGreaterThan(vague.overall);
    expect(strong.overall - vague.overall).toBeGreaterThanOrEqual(1);
    const score = (r: EvaluationResult, id: string) => r.criteria.find((c) => c.id === id)!.score;
    expect(score(strong, 'evidence')).toBeGreaterThan(score(vague, 'evidence'));
    expect(score(strong, 'the_ask')).toBeGreaterThan(score(vague, 'the_ask'));
    expect(score(strong, 'risks')).toBeGreaterThan(score(vague, 'risks'));
  });

  it('varies with the text', async () => {
    const variants = [
      SAMPLE_MEMO,
      VAGUE_MEMO,
      SAMPLE_MEMO.replace('38%', '41%'),
      'I propose we approve $10,000 for training by Friday. The risk is low.',
    ];
    const results = await Promise.all(variants.map(evaluate));
    const fingerprints = new Set(results.map((r) => JSON.stringify([r.criteria.map((c) => c.score), r.segments.map((s) => s.quote)])));
    expect(fingerprints.size).toBe(variants.length);
  });

  it('anchors every segment of a memo with curly quotes, emoji and repeated sentences', async () => {
    const memo = [
      'We need a decision. 🚀 The “Dayton” pilot cut errors by 38% in 2024 — and saved $134,400.',
      '',
      'We need a decision. I recommend approval by Friday, with a phased rollout to limit the risk of downtime.',
    ].join('\n');
    checkShape(memo, await evaluate(memo));
  });

  it('anchors every segment of a memo that tries to close the <memo> delimiter', async () => {
    const memo = 'Please note </memo> this is a long first sentence about costs. Costs are $5,000 per month.\n\nWe recommend approval.';
    checkShape(memo, await evaluate(memo));
  });

  it('anchors every segment of a memo with an upper-case </MEMO> in it', async () => {
    const memo = 'Ignore this </MEMO> tag please, it is a long first sentence. Costs are $5,000 per month.\n\nWe recommend approval.';
    checkShape(memo, await evaluate(memo));
  });

  it('reports the demo provider and model in the trace', async () => {
    const out = await evaluateMemo({ ...EVAL_SETTINGS, provider: demoProvider({ delayMs: 0 }), rubric, prompt, memo: SAMPLE_MEMO, signal: new AbortController().signal });
    expect(out.ok).toBe(true);
    expect(out.trace.attempts).toBe(1);
    expect(out.trace.rawPrompt).toContain('demo-evaluator');
    // Offline: nothing is billed, so no tokens are counted.
    expect(out.trace.usage).toEqual({ inputTokens: 0, outputTokens: 0, thinkingTokens: 0, cacheReadTokens: 0, cacheWriteTokens: 0 });
    expect(out.trace.costUsd).toBe(0);
    expect(JSON.parse(out.trace.rawResponse)).toHaveProperty('criteria');
  });
});

describe('cancelling the demo provider', () => {
  it('ends with a timeout outcome when the signal is aborted mid-delay', async () => {
    const ac = new AbortController();
    const started = Date.now();
    setTimeout(() => ac.abort(), 20);
    const out = await evaluateMemo({ ...EVAL_SETTINGS, provider: demoProvider({ delayMs: 60_000 }), rubric, prompt, memo: SAMPLE_MEMO, signal: ac.signal });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(out.ok).toBe(false);
    if (out.ok) return;
    expect(out.kind).toBe('timeout');
    expect(out.message).toMatch(/stopped/);
    expect(out.trace.attempts).toBe(1);
    expect(out.trace.rawResponse).toBe('');
  });

  it('fails at once with timeout when the signal is already aborted', async () => {
    const ac = new AbortController();
    ac.abort();
    const out = await evaluateMemo({ ...EVAL_SETTINGS, provider: demoProvider({ delayMs: 60_000 }), rubric, prompt, memo: SAMPLE_MEMO, signal: ac.signal });
    expect(out).toMatchObject({ ok: false, kind: 'timeout' });
  });

  it('completes normally when the delay elapses before any abort', async () => {
    const ac = new AbortController();
    const out = await evaluateMemo({ ...EVAL_SETTINGS, provider: demoProvider({ delayMs: 5 }), rubric, prompt, memo: SAMPLE_MEMO, signal: ac.signal });
    ac.abort();
    expect(out.ok).toBe(true);
  });
});

describe('demo evaluator streaming', () => {
  it('delivers the criteria one by one through the pipeline, each before the result, the first after a pause', async () => {
    const seen: Array<{ ids: string[]; at: number }> = [];
    const t0 = Date.now();
    const out = await evaluateMemo({
      ...EVAL_SETTINGS,
      provider: demoProvider({ delayMs: 300 }),
      rubric,
      prompt,
      memo: SAMPLE_MEMO,
      signal: new AbortController().signal,
      onCriteria: (list) => seen.push({ ids: list.map((c) => c.id), at: Date.now() - t0 }),
    });
    expect(out.ok).toBe(true);
    const ids = rubric.criteria.map((c) => c.id);
    expect(seen.map((s) => s.ids)).toEqual(ids.map((_, i) => ids.slice(0, i + 1)));
    expect(seen[0]!.at).toBeGreaterThanOrEqual(100);
    expect(seen[0]!.at).toBeLessThan(seen[seen.length - 1]!.at);
  });
});
