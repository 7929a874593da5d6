import { normalizeNewlines } from './newlines.ts';

/** One line of a line diff: kept, added (only in `after`) or deleted (only in `before`). */
export interface DiffLine {
  kind: 'same' | 'add' | 'del';
  text: string;
  /** 1-based line number in `before` (same/del) and in `after` (same/add). */
  oldLine?: number;
  newLine?: number;
}

/** Splits text into lines; CRLF counts as LF and a final newline adds no empty line. */
export function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = normalizeNewlines(text).split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** Line diff by longest common subsequence, after trimming the common head and tail (configs are small). */
export function diffLines(before: string, after: string): DiffLine[] {
  return diffArrays(splitLines(before), splitLines(after));
}

/** How many items the two sequences share at the start and (after that) at the end. */
function commonEnds(a: string[], b: string[]): { head: number; tail: number } {
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  return { head, tail };
}

/** Cells of the LCS table diffArrays would fill (its time and memory): the differing middle's n × m. */
export function diffCost(a: string[], b: string[]): number {
  const { head, tail } = commonEnds(a, b);
  return (a.length - head - tail) * (b.length - head - tail);
}

/** The same diff over any two sequences of strings (lines, words); numbers count items. */
export function diffArrays(a: string[], b: string[]): DiffLine[] {
  const { head, tail } = commonEnds(a, b);
  const out: DiffLine[] = [];
  for (let i = 0; i < head; i++) out.push({ kind: 'same', text: a[i]!, oldLine: i + 1, newLine: i + 1 });
  out.push(...middle(a.slice(head, a.length - tail), b.slice(head, b.length - tail), head));
  for (let k = tail; k > 0; k--) out.push({ kind: 'same', text: a[a.length - k]!, oldLine: a.length - k + 1, newLine: b.length - k + 1 });
  return out;
}

/** The LCS table walk for the differing middle part; `offset` lines precede it in both texts. */
function middle(a: string[], b: string[], offset: number): DiffLine[] {
  const n = a.length;
  const m = b.length;
  // lcs[i * (m + 1) + j] = length of the LCS of a[i..] and b[j..]
  const lcs = new Uint32Array((n + 1) * (m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i * (m + 1) + j] = a[i] === b[j] ? lcs[(i + 1) * (m + 1) + j + 1]! + 1 : Math.max(lcs[(i + 1) * (m + 1) + j]!, lcs[i * (m + 1) + j + 1]!);
    }
  }
  const out: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      out.push({ kind: 'same', text: a[i]!, oldLine: offset + ++i, newLine: offset + ++j });
    } else if (i < n && (j === m || lcs[(i + 1) * (m + 1) + j]! >= lcs[i * (m + 1) + j + 1]!)) {
      out.push({ kind: 'del', text: a[i]!, oldLine: offset + ++i });
    } else {
      out.push({ kind: 'add', text: b[j]!, newLine: offset + ++j });
    }
  }
  return out;
}

/** How many lines were added and deleted. */
export function diffStats(lines: DiffLine[]): { added: number; deleted: number } {
  return { added: lines.filter((l) => l.kind === 'add').length, deleted: lines.filter((l) => l.kind === 'del').length };
}

/** A run of unchanged lines left out of a compact diff. */
export interface DiffSkip {
  kind: 'skip';
  count: number;
}

/** Keeps `context` unchanged lines around each change and folds longer unchanged runs into a skip. */
export function compactDiff(lines: DiffLine[], context = 3): (DiffLine | DiffSkip)[] {
  const near = lines.map(() => false);
  lines.forEach((l, i) => {
    if (l.kind === 'same') return;
    for (let k = Math.max(0, i - context); k <= Math.min(lines.length - 1, i + context); k++) near[k] = true;
  });
  const out: (DiffLine | DiffSkip)[] = [];
  lines.forEach((l, i) => {
    if (near[i]) return void out.push(l);
    const last = out[out.length - 1];
    if (last?.kind === 'skip') last.count++;
    else out.push({ kind: 'skip', count: 1 });
  });
  return out;
}
