import { describe, expect, it } from 'vitest';
import { studentReadings, studentShown } from './student-result.ts';

const ai = { overall: 3.2, band: 'Solid', resultJson: '{"ai":1}' };
const final = { finalJson: '{"final":1}', finalOverall: 4.1, finalBand: 'Strong' };
const none = { finalJson: null, finalOverall: null, finalBand: null };

describe('studentShown', () => {
  it('shows the AI result at once, nothing while pending, the final result once released', () => {
    expect(studentShown({ release: 'immediate', ...ai, ...none })).toEqual({ release: 'immediate', reviewed: false, ...ai });
    expect(studentShown({ release: 'pending', ...ai, ...final })).toEqual({ release: 'pending_review', reviewed: false, overall: null, band: null, resultJson: null });
    expect(studentShown({ release: 'released', ...ai, ...final })).toEqual({ release: 'released', reviewed: true, overall: 4.1, band: 'Strong', resultJson: '{"final":1}' });
  });

  it('never falls back to the AI result for a released row without a final one', () => {
    expect(studentShown({ release: 'released', ...ai, ...none }).resultJson).toBeNull();
  });
});

describe('studentReadings', () => {
  const result = (scores: number[], overall: number) =>
    JSON.stringify({
      rubricName: 'R',
      scale: { min: 1, max: 5, labels: {} },
      overall,
      band: 'Fair',
      criteria: scores.map((score, i) => ({ id: `c${i}`, name: `C${i}`, weight: 1, score, justification: 'j' })),
      strengths: [],
      opportunities: [],
      segments: [],
      demo: false,
    });
  const spread = JSON.stringify({
    readings: 3,
    used: [0, 1, 2],
    failed: [],
    criteria: [
      { id: 'c0', scores: [2, 3, 4], median: 3, min: 2, max: 4, range: 2, sd: 0.8165 },
      { id: 'c1', scores: [3, 3, 4], median: 3, min: 3, max: 4, range: 1, sd: 0.4714 },
    ],
  });
  const aiRow = { overall: 3, band: 'Fair', resultJson: result([3, 3], 3), samples: 3, spreadJson: spread };

  it('tells the largest range when it reaches the threshold and the scores shown are the AI’s', () => {
    expect(studentReadings({ release: 'immediate', ...aiRow, ...none }, 1)).toEqual({ readings: 3, variedBy: 2 });
    expect(studentReadings({ release: 'immediate', ...aiRow, ...none }, 2)).toEqual({ readings: 3, variedBy: 2 });
    expect(studentReadings({ release: 'immediate', ...aiRow, ...none }, 2.5)).toEqual({ readings: 3, variedBy: undefined });
  });

  it('keeps the note for a released final with the AI’s scores, drops it when the instructor changed a score', () => {
    const same = { finalJson: result([3, 3], 3), finalOverall: 3, finalBand: 'Fair' };
    const changed = { finalJson: result([4, 3], 3.5), finalOverall: 3.5, finalBand: 'Good' };
    expect(studentReadings({ release: 'released', ...aiRow, ...same }, 1).variedBy).toBe(2);
    expect(studentReadings({ release: 'released', ...aiRow, ...changed }, 1).variedBy).toBeUndefined();
    expect(studentReadings({ release: 'pending', ...aiRow, ...same }, 1).variedBy).toBeUndefined();
  });

  it('is one reading and no note for a single reading', () => {
    expect(studentReadings({ release: 'immediate', ...aiRow, samples: 1, spreadJson: null, ...none }, 0)).toEqual({ readings: 1, variedBy: undefined });
  });
});
