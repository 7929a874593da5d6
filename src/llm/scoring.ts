import type { Rubric } from '../config/schemas.ts';

/** Overall score: the weight-averaged criterion score, rounded half-up to one decimal. */
export function overallScore(rubric: { criteria: readonly { id: string; weight: number }[] }, scores: Record<string, number>): number {
  let sum = 0;
  let weights = 0;
  for (const c of rubric.criteria) {
    const s = scores[c.id];
    if (s === undefined) throw new Error(`no score for criterion ${c.id}`);
    sum += s * c.weight;
    weights += c.weight;
  }
  return Math.round((sum * 10) / weights) / 10;
}

/** The label of the first (highest) band whose minimum the score reaches. */
export function bandFor(rubric: Pick<Rubric, 'bands'>, overall: number): string {
  const band = rubric.bands.find((b) => overall >= b.min - 1e-9) ?? rubric.bands[rubric.bands.length - 1]!;
  return band.label;
}
