import { describe, expect, it } from 'vitest';
import { compactDiff, diffLines, diffStats, splitLines } from './diff.ts';

const render = (before: string, after: string) => diffLines(before, after).map((l) => `${l.kind === 'same' ? ' ' : l.kind === 'add' ? '+' : '-'}${l.text}`);

describe('splitLines', () => {
  it('treats CRLF as LF and ignores the final newline', () => {
    expect(splitLines('a\r\nb\n')).toEqual(['a', 'b']);
    expect(splitLines('')).toEqual([]);
    expect(splitLines('a\n\n')).toEqual(['a', '']);
  });
});

describe('diffLines', () => {
  it('marks every line the same for equal texts, with both line numbers', () => {
    expect(diffLines('a\nb\n', 'a\nb')).toEqual([
      { kind: 'same', text: 'a', oldLine: 1, newLine: 1 },
      { kind: 'same', text: 'b', oldLine: 2, newLine: 2 },
    ]);
  });

  it('shows a changed line as removed then added', () => {
    expect(render('name: A\nweight: 20\nid: x', 'name: A\nweight: 25\nid: x')).toEqual([' name: A', '-weight: 20', '+weight: 25', ' id: x']);
  });

  it('finds insertions and deletions in the middle with correct line numbers', () => {
    const lines = diffLines('a\nb\nc\nd\ne', 'a\nc\nd\nX\ne');
    expect(lines.map((l) => [l.kind, l.text, l.oldLine, l.newLine])).toEqual([
      ['same', 'a', 1, 1],
      ['del', 'b', 2, undefined],
      ['same', 'c', 3, 2],
      ['same', 'd', 4, 3],
      ['add', 'X', undefined, 4],
      ['same', 'e', 5, 5],
    ]);
  });

  it('keeps the longest common subsequence (moved block costs the fewest lines)', () => {
    const lines = diffLines('1\n2\n3\n4\n5\n6', '4\n5\n6\n1\n2\n3');
    expect(diffStats(lines)).toEqual({ added: 3, deleted: 3 });
    expect(lines.filter((l) => l.kind === 'same')).toHaveLength(3);
  });

  it('handles an empty side', () => {
    expect(render('', 'a\nb')).toEqual(['+a', '+b']);
    expect(render('a\nb', '')).toEqual(['-a', '-b']);
    expect(render('', '')).toEqual([]);
  });

  it('rebuilds both texts from its output', () => {
    const before = 'x\ny\nz\ny\nx\nw';
    const after = 'y\nx\nw\nz\ny\nq';
    const lines = diffLines(before, after);
    expect(lines.filter((l) => l.kind !== 'add').map((l) => l.text)).toEqual(splitLines(before));
    expect(lines.filter((l) => l.kind !== 'del').map((l) => l.text)).toEqual(splitLines(after));
  });
});

describe('compactDiff', () => {
  it('folds unchanged runs beyond the context into skips', () => {
    const before = Array.from({ length: 20 }, (_, i) => `line ${i + 1}`).join('\n');
    const after = before.replace('line 10', 'line ten');
    const out = compactDiff(diffLines(before, after), 2);
    expect(out.map((x) => (x.kind === 'skip' ? `…${x.count}` : x.text))).toEqual(['…7', 'line 8', 'line 9', 'line 10', 'line ten', 'line 11', 'line 12', '…8']);
  });

  it('returns only a skip when nothing changed', () => {
    expect(compactDiff(diffLines('a\nb', 'a\nb'))).toEqual([{ kind: 'skip', count: 2 }]);
  });
});
