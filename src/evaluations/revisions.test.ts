import { describe, expect, it } from 'vitest';
import type { EvaluationResult } from './result.ts';
import { compareResults, textChanges } from './revisions.ts';

const result = (overall: number, scores: Record<string, number>): EvaluationResult => ({
  rubricName: 'R',
  scale: { min: 1, max: 5, labels: {} },
  overall,
  band: 'x',
  criteria: Object.entries(scores).map(([id, score]) => ({ id, name: id.toUpperCase(), weight: 50, score, justification: '' })),
  strengths: [],
  opportunities: [],
  segments: [],
  demo: true,
});

describe('compareResults', () => {
  it('gives the change per criterion, up and down, and of the overall score', () => {
    const c = compareResults(result(2.5, { a: 2, b: 3 }), result(3.5, { a: 4, b: 3 }));
    expect(c.overall).toEqual({ before: 2.5, after: 3.5, delta: 1 });
    expect(c.criteria).toEqual([
      { id: 'a', name: 'A', before: 2, after: 4, delta: 2 },
      { id: 'b', name: 'B', before: 3, after: 3, delta: 0 },
    ]);
    expect(compareResults(result(3.3, { a: 4 }), result(3.1, { a: 3 })).overall.delta).toBe(-0.2);
  });

  it('has no "before" for a criterion the earlier rubric did not have', () => {
    const c = compareResults(result(3, { a: 3 }), result(3, { a: 3, z: 5 }));
    expect(c.criteria[1]).toEqual({ id: 'z', name: 'Z', before: undefined, after: 5, delta: undefined });
  });
});

describe('textChanges', () => {
  it('marks added and deleted words and keeps the rest, losslessly', () => {
    const before = 'We should buy the robot soon.\nIt saves money.';
    const after = 'We must buy the robot by March 31.\nIt saves $134,400 a year.';
    const { by, changes } = textChanges(before, after);
    expect(by).toBe('words');
    expect(changes.filter((c) => c.kind !== 'add').map((c) => c.text).join('')).toBe(before);
    expect(changes.filter((c) => c.kind !== 'del').map((c) => c.text).join('')).toBe(after);
    expect(changes).toContainEqual({ kind: 'del', text: 'should ' });
    expect(changes).toContainEqual({ kind: 'add', text: 'must ' });
  });

  it('diffs only the differing middle, so a long memo with a small edit still gets a word diff', () => {
    const before = Array.from({ length: 2500 }, (_, i) => `w${i}`).join(' ');
    const after = `${before}\nA new closing paragraph.`;
    const { by, changes } = textChanges(before, after);
    expect(by).toBe('words');
    expect(changes.filter((c) => c.kind !== 'del').map((c) => c.text).join('')).toBe(after);
  });

  it('compares paragraphs when a long memo was rewritten word by word, and stays lossless', () => {
    const para = (tag: string) => Array.from({ length: 1600 }, (_, i) => `${tag}${i}`).join(' ');
    const before = `${para('a')}\n${para('b')}`;
    const after = `${para('c')}\n${para('b')}`;
    const started = performance.now();
    const { by, changes } = textChanges(before, after);
    expect(performance.now() - started).toBeLessThan(100);
    expect(by).toBe('paragraphs');
    expect(changes.filter((c) => c.kind !== 'add').map((c) => c.text).join('')).toBe(before);
    expect(changes.filter((c) => c.kind !== 'del').map((c) => c.text).join('')).toBe(after);
  });

  it('gives up, saying so, when even the paragraphs are too many to compare within the bound', () => {
    const before = Array.from({ length: 1000 }, (_, i) => `p${i}\n`).join('');
    const after = Array.from({ length: 1000 }, (_, i) => `q${i}\n`).join('');
    const started = performance.now();
    expect(textChanges(before, after)).toEqual({ by: 'none', changes: [] });
    expect(performance.now() - started).toBeLessThan(100);
  });
});
