import { describe, expect, it } from 'vitest';
import { CorruptResultError, criterionScores, readResult, type EvaluationResult } from './result.ts';

const stored: EvaluationResult = {
  rubricName: 'Executive memo',
  scale: { min: 1, max: 5, labels: { '1': 'Weak', '5': 'Strong' } },
  overall: 3.5,
  band: 'Solid',
  criteria: [
    { id: 'clarity', name: 'Clarity', weight: 60, score: 4, justification: 'Clear ask.' },
    { id: 'evidence', name: 'Evidence', weight: 40, score: 3, justification: 'One number.' },
  ],
  strengths: ['Leads with the ask'],
  opportunities: ['Quantify the risk'],
  segments: [
    { quote: 'We should', criterion: 'clarity', comment: 'Good', questions: ['Who?'], suggestion: '', anchored: true, start: 0, end: 9 },
    { quote: 'elsewhere', criterion: 'evidence', comment: 'Vague', questions: ['How much?'], suggestion: 'Add a figure', anchored: false },
  ],
  demo: false,
};

/** Catches what readResult throws, so the test can look at it. */
function failure(json: string): CorruptResultError {
  try {
    readResult(json);
  } catch (err) {
    if (err instanceof CorruptResultError) return err;
    throw err;
  }
  throw new Error('readResult accepted it');
}

describe('readResult', () => {
  it('reads a stored result back as it was written', () => {
    expect(readResult(JSON.stringify(stored))).toEqual(stored);
  });

  it('ignores keys it does not know (older or newer writers)', () => {
    expect(readResult(JSON.stringify({ ...stored, extra: 1 }))).toEqual(stored);
  });

  it('throws CorruptResultError for text that is not JSON, without quoting it', () => {
    const err = failure('{"rubricName": "Dear Dana, the secret memo');
    expect(err.problem).toBe('not JSON');
    expect(err.message).not.toContain('Dana');
  });

  it('throws CorruptResultError naming where the shape broke, never the value', () => {
    const bad = { ...stored, criteria: [{ ...stored.criteria[0], score: 'Dear Dana, four' }] };
    const err = failure(JSON.stringify(bad));
    expect(err.message).toBe('stored evaluation result is corrupt: wrong shape at criteria.0.score');
    expect(err.message).not.toContain('Dana');
    expect(failure('null').problem).toBe('wrong shape at (root)');
    expect(failure('[]').problem).toBe('wrong shape at rubricName');
    const { demo: _d, ...noDemo } = stored;
    expect(failure(JSON.stringify(noDemo)).problem).toBe('wrong shape at demo');
  });
});

describe('criterionScores', () => {
  it('maps criterion ids to scores', () => {
    expect(criterionScores(stored)).toEqual({ clarity: 4, evidence: 3 });
  });
});
