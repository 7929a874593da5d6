import { describe, expect, it } from 'vitest';
import type { Rubric } from '../config/schemas.ts';
import { bandFor, overallScore } from './scoring.ts';
import { shippedConfig } from '../../test/helpers/shipped-config.ts';

const { rubric } = shippedConfig();
const ids = rubric.criteria.map((c) => c.id);

/** Scores in rubric order: structure, evidence (20 each), clarity, audience, the_ask, risks (15 each). */
const scores = (...s: number[]): Record<string, number> => {
  expect(s).toHaveLength(ids.length);
  return Object.fromEntries(ids.map((id, i) => [id, s[i]!]));
};

describe('shipped rubric shape (precondition)', () => {
  it('has weights 20/20/15/15/15/15', () => {
    expect(rubric.criteria.map((c) => c.weight)).toEqual([20, 20, 15, 15, 15, 15]);
  });
});

describe('overallScore', () => {
  it('all top scores give 5.0 and all bottom scores give 1.0', () => {
    expect(overallScore(rubric, scores(5, 5, 5, 5, 5, 5))).toBe(5);
    expect(overallScore(rubric, scores(1, 1, 1, 1, 1, 1))).toBe(1);
    expect(overallScore(rubric, scores(3, 3, 3, 3, 3, 3))).toBe(3);
  });

  it('is the weighted, not the plain, mean', () => {
    // Weighted: (5*20 + 1*20 + 1*15*4) / 100 = 1.8; plain mean would be 1.7.
    expect(overallScore(rubric, scores(5, 1, 1, 1, 1, 1))).toBe(1.8);
    // Weighted: (1*20*2 + 5*15*4) / 100 = 3.4; plain mean would be 3.7.
    expect(overallScore(rubric, scores(1, 1, 5, 5, 5, 5))).toBe(3.4);
    // A 20-weight criterion moves the score more than a 15-weight one.
    expect(overallScore(rubric, scores(4, 3, 3, 3, 3, 3))).toBe(3.2);
    expect(overallScore(rubric, scores(3, 3, 3, 3, 3, 4))).toBe(3.2); // 3.15 rounds up
  });

  it.each([
    // [scores, exact weighted mean, expected]
    [[4, 4, 4, 4, 4, 3], 3.85, 3.9],
    [[4, 4, 4, 3, 3, 3], 3.55, 3.6],
    [[2, 2, 2, 2, 2, 3], 2.15, 2.2],
    [[1, 1, 1, 1, 1, 2], 1.15, 1.2], // 1.15 * 10 is 11.499999... in floating point
    [[5, 5, 5, 5, 5, 4], 4.85, 4.9],
    [[1, 2, 3, 4, 5, 1], 2.55, 2.6],
    [[4, 4, 5, 5, 5, 4], 4.45, 4.5],
    [[4, 4, 5, 5, 4, 4], 4.3, 4.3],
  ])('rounds %j (mean %s) half-up to %s', (s, mean, expected) => {
    const sc = scores(...s);
    const exact = rubric.criteria.reduce((sum, c) => sum + sc[c.id]! * c.weight, 0) / 100;
    expect(exact).toBeCloseTo(mean, 10);
    expect(overallScore(rubric, sc)).toBe(expected);
  });

  it('rounds to one decimal for uneven weights', () => {
    const r: Rubric = {
      ...rubric,
      criteria: [
        { ...rubric.criteria[0]!, id: 'a', weight: 33 },
        { ...rubric.criteria[1]!, id: 'b', weight: 33 },
        { ...rubric.criteria[2]!, id: 'c', weight: 34 },
      ],
    };
    expect(overallScore(r, { a: 1, b: 2, c: 2 })).toBe(1.7); // 1.67
    expect(overallScore(r, { a: 2, b: 1, c: 1 })).toBe(1.3); // 1.33
    expect(overallScore(r, { a: 5, b: 5, c: 4 })).toBe(4.7); // 4.66
  });

  it('ignores scores for ids that are not in the rubric', () => {
    expect(overallScore(rubric, { ...scores(2, 2, 2, 2, 2, 2), bogus: 5 })).toBe(2);
  });

  it('throws, naming the criterion, when a score is missing', () => {
    const sc = scores(3, 3, 3, 3, 3, 3);
    delete sc['the_ask'];
    expect(() => overallScore(rubric, sc)).toThrow(/the_ask/);
    expect(() => overallScore(rubric, {})).toThrow(/structure/);
  });
});

describe('bandFor (shipped bands 4.5 / 3.5 / 2.5 / 1.5 / 1.0)', () => {
  it('uses the shipped band labels', () => {
    expect(rubric.bands.map((b) => [b.min, b.label])).toEqual([
      [4.5, 'Excellent'],
      [3.5, 'Good'],
      [2.5, 'Fair'],
      [1.5, 'Needs work'],
      [1, 'Weak'],
    ]);
  });

  it.each([
    [5, 'Excellent'],
    [4.5, 'Excellent'],
    [4.4, 'Good'],
    [3.5, 'Good'],
    [3.4, 'Fair'],
    [2.5, 'Fair'],
    [2.4, 'Needs work'],
    [1.5, 'Needs work'],
    [1.4, 'Weak'],
    [1, 'Weak'],
  ])('%s → %s', (overall, label) => {
    expect(bandFor(rubric, overall)).toBe(label);
  });

  it('every band starts exactly at its minimum', () => {
    for (const b of rubric.bands) expect(bandFor(rubric, b.min)).toBe(b.label);
  });

  it('falls back to the lowest band below every minimum', () => {
    expect(bandFor(rubric, 0.5)).toBe('Weak');
  });

  it('bands the rounded overall score (4.45 rounds to 4.5: Excellent)', () => {
    const overall = overallScore(rubric, scores(4, 4, 5, 5, 5, 4));
    expect(overall).toBe(4.5);
    expect(bandFor(rubric, overall)).toBe('Excellent');
    expect(bandFor(rubric, overallScore(rubric, scores(4, 4, 5, 5, 4, 4)))).toBe('Good');
  });
});
