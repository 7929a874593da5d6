import { describe, expect, it } from 'vitest';
import { resultWith } from '../../test/helpers/evaluations-db.ts';
import { finalResult, overridesOf } from './final-result.ts';

const bands = [
  { min: 4, label: 'Strong' },
  { min: 3, label: 'Solid' },
  { min: 1, label: 'Developing' },
];

describe('finalResult', () => {
  it('recomputes overall with the stored weights and the band from the rubric, leaving the AI result alone', () => {
    const ai = resultWith(3, { clarity: 3, evidence: 3, ask: 4 });
    ai.criteria[1]!.weight = 2;
    const before = structuredClone(ai);
    const final = finalResult(ai, [{ criterionId: 'evidence', score: 5, comment: 'Sources are cited.' }], { bands });
    // (3·1 + 5·2 + 4·1) / 4 = 4.25 → 4.3
    expect(final.overall).toBe(4.3);
    expect(final.band).toBe('Strong');
    expect(final.criteria[1]).toMatchObject({ id: 'evidence', score: 5, instructorComment: 'Sources are cited.' });
    expect(final.criteria[0]).not.toHaveProperty('instructorComment');
    expect(ai).toEqual(before);
  });
});

describe('overridesOf', () => {
  it('keeps only criteria whose score changed or that carry a comment', () => {
    const ai = resultWith(3, { clarity: 3, evidence: 3, ask: 4 });
    const input = { scores: { clarity: 3, evidence: 2, ask: 4 }, comments: { clarity: '', evidence: '', ask: 'Name the owner.' }, note: '', action: 'save' as const };
    expect(overridesOf(ai, input)).toEqual([
      { criterionId: 'evidence', score: 2, comment: '' },
      { criterionId: 'ask', score: 4, comment: 'Name the owner.' },
    ]);
  });
});
