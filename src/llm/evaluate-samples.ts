import type { Rubric } from '../config/schemas.ts';
import type { ReadingsSpread } from '../evaluations/spread.ts';
import type { AttemptRecord } from './attempts.ts';
import { medianScore, spreadOf } from './consistency.ts';
import { evaluateMemo, type EvaluateInput, type EvaluationResult, type Outcome, type Trace } from './evaluate.ts';
import { bandFor, overallScore } from './scoring.ts';
import { ZERO_USAGE, addUsage } from './types.ts';

// llm.yaml `samples` (decision 019): the same memo read k times in parallel, combined by the median.

export interface SamplesInput extends Omit<EvaluateInput, 'onAttempt'> {
  /** k: how many independent readings; 1 is exactly evaluateMemo (streamed criteria included). */
  samples: number;
  /** Every attempt of every reading, with the reading's 0-based index. */
  onAttempt?: (a: AttemptRecord, sample: number) => void;
}

/** An outcome with the readings it came from: k, and for k > 1 a result's spread. */
export interface SampledOutcome {
  outcome: Outcome;
  samples: number;
  spread: ReadingsSpread | undefined;
}

/**
 * Reads the memo `samples` times. With k = 1, today's single reading. With k > 1 the readings run in
 * parallel (each with its own retries and re-ask, no streamed criteria: they disagree until combined)
 * and are combined once all have settled (see combineReadings).
 */
export async function evaluateSamples(input: SamplesInput): Promise<SampledOutcome> {
  const { samples: k, onAttempt, ...rest } = input;
  if (k <= 1) return { outcome: await evaluateMemo({ ...rest, onAttempt: onAttempt && ((a) => onAttempt(a, 0)) }), samples: 1, spread: undefined };
  const now = input.now ?? Date.now;
  const started = now();
  const readings = await Promise.all(
    Array.from({ length: k }, (_, i) => evaluateMemo({ ...rest, onCriteria: undefined, onAttempt: onAttempt && ((a) => onAttempt(a, i)) })),
  );
  const combined = combineReadings(input.rubric, readings);
  return { outcome: { ...combined.outcome, trace: { ...combined.outcome.trace, latencyMs: now() - started } }, samples: k, spread: combined.spread };
}

/**
 * Combines settled readings: any provider wait → that wait (the evaluation is requeued); a majority
 * succeeded → the median result (combineResults); else the first failure. The trace always sums every
 * reading's usage, cost and attempts.
 */
export function combineReadings(rubric: Pick<Rubric, 'bands'>, readings: Outcome[]): { outcome: Outcome; spread: ReadingsSpread | undefined } {
  const trace = combinedTrace(readings);
  const wait = readings.find((r) => !r.ok && r.wait !== undefined);
  if (wait) return { outcome: { ...wait, trace }, spread: undefined };
  const ok = readings.flatMap((r, i) => (r.ok ? [{ reading: i, result: r.result }] : []));
  if (ok.length > readings.length / 2) {
    const failed = readings.flatMap((r, i) => (r.ok ? [] : [{ reading: i, kind: r.kind, message: r.message }]));
    const { result, spread } = combineResults(rubric, ok);
    return { outcome: { ok: true, result, trace }, spread: { readings: readings.length, failed, ...spread } };
  }
  const first = readings.find((r) => !r.ok)!;
  return { outcome: { ...first, trace }, spread: undefined };
}

type Reading = { reading: number; result: EvaluationResult };

/**
 * Each criterion's score is the median of the readings' scores, its justification from a reading that
 * gave that score (the closest overall among them); strengths, opportunities and segments from the
 * reading closest to the medians (smallest sum of |score − median|; ties → the lowest index); overall
 * and band recomputed from the medians.
 */
export function combineResults(rubric: Pick<Rubric, 'bands'>, ok: Reading[]): { result: EvaluationResult; spread: Pick<ReadingsSpread, 'used' | 'criteria'> } {
  const ids = ok[0]!.result.criteria.map((c) => c.id);
  const scoreOf = (r: Reading, id: string) => r.result.criteria.find((c) => c.id === id)!.score;
  const medians = Object.fromEntries(ids.map((id) => [id, medianScore(ok.map((r) => scoreOf(r, id)))]));
  const distance = (r: Reading) => ids.reduce((d, id) => d + Math.abs(scoreOf(r, id) - medians[id]!), 0);
  // Stable sort: equal distances keep reading order, so ties go to the lowest index.
  const byCloseness = [...ok].sort((a, b) => distance(a) - distance(b));
  const closest = byCloseness[0]!.result;
  const criteria = closest.criteria.map((c) => {
    const from = byCloseness.find((r) => scoreOf(r, c.id) === medians[c.id])!;
    return { ...c, score: medians[c.id]!, justification: from.result.criteria.find((x) => x.id === c.id)!.justification };
  });
  const overall = overallScore({ criteria }, medians);
  const result: EvaluationResult = { ...closest, criteria, overall, band: bandFor(rubric, overall) };
  const spreads = ids.map((id) => ({ id, median: medians[id]!, ...spreadOf(ok.map((r) => scoreOf(r, id))) }));
  return { result, spread: { used: ok.map((r) => r.reading), criteria: spreads } };
}

/** One trace for all readings: the prompt once, every reading's responses labelled, usage, cost and attempts summed. */
function combinedTrace(readings: Outcome[]): Trace {
  const k = readings.length;
  const t = readings.map((r) => r.trace);
  return {
    rawPrompt: t[0]!.rawPrompt,
    rawResponse: t.map((x, i) => `=== reading ${i + 1} of ${k} ===\n\n${x.rawResponse}`).join('\n\n'),
    usage: t.reduce((u, x) => addUsage(u, x.usage), ZERO_USAGE),
    costUsd: t.reduce((s, x) => s + x.costUsd, 0),
    attempts: t.reduce((s, x) => s + x.attempts, 0),
    latencyMs: Math.max(...t.map((x) => x.latencyMs)),
  };
}
