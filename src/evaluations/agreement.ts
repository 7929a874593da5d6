/**
 * Agreement between two raters (the AI and the instructor's final result) and simple class
 * statistics. Pure functions over integer ratings on a scale `min..max`; the definitions are
 * spelled out so the CSV and the page mean the same thing.
 */

export interface Scale {
  min: number;
  max: number;
}

/** One rated item: the AI's score and the released (final) score. */
export interface RatingPair {
  ai: number;
  final: number;
}

export interface Agreement {
  n: number;
  /** Share of pairs with final = AI (null when n = 0). */
  exact: number | null;
  /** Share of pairs with |final − AI| ≤ 1 (null when n = 0). */
  withinOne: number | null;
  /** Mean of (final − AI): positive when instructors score higher (null when n = 0). */
  meanDiff: number | null;
  /** Cohen's quadratic weighted kappa; null when undefined (n = 0, or no expected disagreement). */
  kappa: number | null;
}

/** True when `v` is a whole number on the scale (other values are not counted anywhere). */
export function onScale(v: number, { min, max }: Scale): boolean {
  return Number.isInteger(v) && v >= min && v <= max;
}

/** Arithmetic mean, or null for no values. */
export function mean(values: number[]): number | null {
  return values.length === 0 ? null : values.reduce((s, v) => s + v, 0) / values.length;
}

/** How many values fall on each level, lowest level first (`counts[i]` is level min + i); off-scale values are ignored. */
export function distribution(values: number[], scale: Scale): number[] {
  const counts = new Array<number>(scale.max - scale.min + 1).fill(0);
  for (const v of values) if (onScale(v, scale)) counts[v - scale.min]! += 1;
  return counts;
}

/**
 * Cohen's quadratic weighted kappa: κ = 1 − Σ w·O / Σ w·E, with O the observed k×k matrix of
 * (AI, final) counts, E = outer product of the two raters' histograms / n, and
 * w_ij = (i − j)² / (k − 1)². Undefined (null) when n = 0 or Σ w·E = 0 — both raters gave one
 * and the same level to every item, or the scale has a single level — since chance disagreement
 * is then zero and the ratio has no meaning.
 */
export function quadraticWeightedKappa(pairs: RatingPair[], scale: Scale): number | null {
  const k = scale.max - scale.min + 1;
  const n = pairs.length;
  if (n === 0 || k < 2) return null;
  const ai = distribution(pairs.map((p) => p.ai), scale);
  const fin = distribution(pairs.map((p) => p.final), scale);
  const w = (i: number, j: number) => ((i - j) * (i - j)) / ((k - 1) * (k - 1));
  let observed = 0;
  for (const p of pairs) observed += w(p.ai - scale.min, p.final - scale.min);
  let expected = 0;
  for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) expected += (w(i, j) * ai[i]! * fin[j]!) / n;
  return expected === 0 ? null : 1 - observed / expected;
}

/** Every agreement figure for pairs on the scale (pairs with an off-scale rating are dropped first). */
export function agreement(allPairs: RatingPair[], scale: Scale): Agreement {
  const pairs = allPairs.filter((p) => onScale(p.ai, scale) && onScale(p.final, scale));
  const n = pairs.length;
  const share = (test: (d: number) => boolean) => (n === 0 ? null : pairs.filter((p) => test(p.final - p.ai)).length / n);
  return {
    n,
    exact: share((d) => d === 0),
    withinOne: share((d) => Math.abs(d) <= 1),
    meanDiff: mean(pairs.map((p) => p.final - p.ai)),
    kappa: quadraticWeightedKappa(pairs, scale),
  };
}

/** What a student saw of one result: its overall and criterion id → score. */
export interface ScoreSet {
  overall: number;
  scores: Record<string, number>;
}

export interface Growth {
  /** Revision pairs counted. */
  pairs: number;
  /** Mean of (revision overall − parent overall), null when there are no pairs. */
  overall: number | null;
  /** Per criterion id: pairs where both results score it, and the mean change (null when none). */
  criteria: Record<string, { n: number; meanChange: number | null }>;
}

/** Mean change from a parent submission's result to its revision's, overall and per criterion. */
export function growth(pairs: { before: ScoreSet; after: ScoreSet }[], criterionIds: string[]): Growth {
  const criteria: Growth['criteria'] = {};
  for (const id of criterionIds) {
    const changes = pairs.flatMap(({ before, after }) => (before.scores[id] !== undefined && after.scores[id] !== undefined ? [after.scores[id]! - before.scores[id]!] : []));
    criteria[id] = { n: changes.length, meanChange: mean(changes) };
  }
  return { pairs: pairs.length, overall: mean(pairs.map((p) => p.after.overall - p.before.overall)), criteria };
}
