/** How far repeated readings of the same memo agree: the figures calibration and llm.yaml samples share. */
export interface Spread {
  /** Every reading's score, in reading order. */
  scores: number[];
  min: number;
  max: number;
  /** max − min. */
  range: number;
  /** Population standard deviation (divides by n, not n − 1): the readings are all there is. */
  sd: number;
}

/** The spread of one criterion's (or the overall's) scores across readings; needs at least one. */
export function spreadOf(scores: readonly number[]): Spread {
  if (scores.length === 0) throw new Error('spreadOf needs at least one score');
  const min = Math.min(...scores);
  const max = Math.max(...scores);
  const mean = scores.reduce((s, x) => s + x, 0) / scores.length;
  const sd = Math.sqrt(scores.reduce((s, x) => s + (x - mean) ** 2, 0) / scores.length);
  return { scores: [...scores], min, max, range: max - min, sd };
}

/** The usual median: the middle value, or the mean of the two middle ones for an even count. */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median needs at least one value');
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/**
 * The median of integer rubric scores that stays on the scale: the middle value, or for an even count
 * the lower of the two middle ones (the prompt's own rule: between two levels, choose the lower).
 */
export function medianScore(scores: readonly number[]): number {
  if (scores.length === 0) throw new Error('medianScore needs at least one score');
  const s = [...scores].sort((a, b) => a - b);
  return s[(s.length - 1) >> 1]!;
}
