import { describe, expect, it } from 'vitest';
import { agreement, distribution, growth, mean, quadraticWeightedKappa, type RatingPair } from './agreement.ts';

const pairs = (...xs: [number, number][]): RatingPair[] => xs.map(([ai, final]) => ({ ai, final }));
const S13 = { min: 1, max: 3 };
const S15 = { min: 1, max: 5 };

describe('quadratic weighted kappa', () => {
  it('is 1 for perfect agreement', () => {
    expect(quadraticWeightedKappa(pairs([1, 1], [2, 2], [3, 3], [5, 5], [4, 4]), S15)).toBe(1);
  });

  it('matches a 3×3 example worked by hand', () => {
    // Scale 1..3 (k = 3), weights w = (i−j)²/4: 0 on the diagonal, 0.25 one apart, 1 two apart.
    // Pairs (AI, final): (1,1) (1,2) (2,2) (2,3) (3,3) (3,3); n = 6.
    // Σw·O = 0.25 [(1,2)] + 0.25 [(2,3)] = 0.5.
    // Histograms: AI = [2, 2, 2], final = [1, 2, 3]; E_ij = AI_i · final_j / 6, so every row of E is [1/3, 2/3, 1].
    // Σw·E: row 1 = 0.25·2/3 + 1·1 = 7/6; row 2 = 0.25·1/3 + 0.25·1 = 1/3; row 3 = 1·1/3 + 0.25·2/3 = 1/2; total 2.
    // κ = 1 − 0.5 / 2 = 0.75.
    const p = pairs([1, 1], [1, 2], [2, 2], [2, 3], [3, 3], [3, 3]);
    expect(quadraticWeightedKappa(p, S13)).toBeCloseTo(0.75, 12);
    const a = agreement(p, S13);
    expect(a).toMatchObject({ n: 6, withinOne: 1 });
    expect(a.exact).toBeCloseTo(4 / 6, 12);
    expect(a.meanDiff).toBeCloseTo(2 / 6, 12);
    expect(a.kappa).toBeCloseTo(0.75, 12);
  });

  it('is negative for systematic disagreement', () => {
    // (1,3) (3,1) (2,2): Σw·O = 1 + 1 + 0 = 2; both histograms [1,1,1], E = 1/3 everywhere, Σw = 3, Σw·E = 1; κ = 1 − 2 = −1.
    expect(quadraticWeightedKappa(pairs([1, 3], [3, 1], [2, 2]), S13)).toBeCloseTo(-1, 12);
    const reversed = pairs([1, 5], [2, 4], [3, 3], [4, 2], [5, 1]);
    expect(quadraticWeightedKappa(reversed, S15)!).toBeLessThan(0);
  });

  it('is undefined (null) with no pairs, when Σw·E = 0, or on a one-level scale', () => {
    expect(quadraticWeightedKappa([], S15)).toBeNull();
    // Both raters always gave 2: E has mass only on the diagonal, where w = 0.
    expect(quadraticWeightedKappa(pairs([2, 2], [2, 2], [2, 2]), S15)).toBeNull();
    expect(quadraticWeightedKappa(pairs([3, 3]), { min: 3, max: 3 })).toBeNull();
    expect(agreement([], S15)).toEqual({ n: 0, exact: null, withinOne: null, meanDiff: null, kappa: null });
  });

  it('is defined when only one rater is constant but they disagree', () => {
    // AI always 2; final 1, 3, 3. Histograms AI = [0,3,0], final = [1,0,2]; only row 2 of E is non-zero: [1, 0, 2].
    // Σw·E = 0.25·1 + 0.25·2 = 0.75; Σw·O = 3 · 0.25 = 0.75; κ = 1 − 1 = 0.
    expect(quadraticWeightedKappa(pairs([2, 1], [2, 3], [2, 3]), S13)).toBeCloseTo(0, 12);
  });
});

describe('agreement shares and mean difference', () => {
  it('counts exact, within one and the signed mean difference (final − AI)', () => {
    const a = agreement(pairs([3, 3], [3, 4], [2, 4], [5, 1]), S15);
    expect(a.n).toBe(4);
    expect(a.exact).toBe(0.25);
    expect(a.withinOne).toBe(0.5);
    expect(a.meanDiff).toBe((0 + 1 + 2 - 4) / 4);
  });

  it('leaves off-scale and fractional ratings out', () => {
    expect(agreement(pairs([3, 3], [0, 3], [3, 6], [2.5, 3]), S15).n).toBe(1);
  });
});

describe('distribution, mean and growth', () => {
  it('counts values per level and ignores off-scale ones', () => {
    expect(distribution([1, 1, 3, 5, 7, 0, 2.5], S15)).toEqual([2, 0, 1, 0, 1]);
    expect(mean([])).toBeNull();
    expect(mean([1, 2, 6])).toBe(3);
  });

  it('averages the change from parent to revision, per criterion over pairs that score it', () => {
    const g = growth(
      [
        { before: { overall: 2, scores: { a: 2, b: 1 } }, after: { overall: 3, scores: { a: 3, b: 3 } } },
        { before: { overall: 4, scores: { a: 4 } }, after: { overall: 3.5, scores: { a: 3, b: 2 } } },
      ],
      ['a', 'b', 'c'],
    );
    expect(g.pairs).toBe(2);
    expect(g.overall).toBe(0.25);
    expect(g.criteria).toEqual({ a: { n: 2, meanChange: 0 }, b: { n: 1, meanChange: 2 }, c: { n: 0, meanChange: null } });
    expect(growth([], ['a'])).toEqual({ pairs: 0, overall: null, criteria: { a: { n: 0, meanChange: null } } });
  });
});
