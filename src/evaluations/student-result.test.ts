import { describe, expect, it } from 'vitest';
import { studentShown } from './student-result.ts';

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
