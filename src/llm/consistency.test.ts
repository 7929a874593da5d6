import { describe, expect, it } from 'vitest';
import { median, medianScore, spreadOf } from './consistency.ts';

describe('consistency figures', () => {
  it('spread: min, max, range and the population standard deviation', () => {
    const s = spreadOf([3, 4, 5]);
    expect(s).toMatchObject({ scores: [3, 4, 5], min: 3, max: 5, range: 2 });
    expect(s.sd).toBeCloseTo(Math.sqrt(2 / 3), 12);
    expect(spreadOf([4]).sd).toBe(0);
    expect(() => spreadOf([])).toThrow();
  });

  it('median: the middle, or the mean of the two middle values', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('medianScore stays on the scale: the lower middle for an even count', () => {
    expect(medianScore([2, 5, 3])).toBe(3);
    expect(medianScore([4, 3])).toBe(3);
    expect(medianScore([5, 2, 4, 3])).toBe(3);
  });
});
