import { diffArrays, diffCost } from '../text/diff.ts';
import type { EvaluationResult } from './result.ts';

/** How a revision scored against the version it revises. */
export interface RevisionComparison {
  overall: { before: number; after: number; delta: number };
  criteria: { id: string; name: string; before: number | undefined; after: number; delta: number | undefined }[];
}

const round1 = (x: number) => Math.round(x * 10) / 10;

/** Per-criterion change, matched by criterion id (a criterion new in this rubric has no "before"). */
export function compareResults(before: EvaluationResult, after: EvaluationResult): RevisionComparison {
  const prev = new Map(before.criteria.map((c) => [c.id, c.score]));
  return {
    overall: { before: before.overall, after: after.overall, delta: round1(after.overall - before.overall) },
    criteria: after.criteria.map((c) => {
      const b = prev.get(c.id);
      return { id: c.id, name: c.name, before: b, after: c.score, delta: b === undefined ? undefined : c.score - b };
    }),
  };
}

export interface TextChange {
  kind: 'same' | 'add' | 'del';
  text: string;
}

/** How the texts were compared: word by word, paragraph by paragraph, or not at all (too different). */
export interface TextDiff {
  by: 'words' | 'paragraphs' | 'none';
  changes: TextChange[];
}

// The word diff is a table of n × m cells filled while the page is rendered, blocking the event
// loop: a 10 000-character rewrite costs ~3 million cells (~250 ms). Above this bound (~20 ms) the
// texts are compared by paragraph, and above it again not at all; the page says which.
export const MAX_DIFF_CELLS = 250_000;

/** What changed between two versions of a memo: words (each with its trailing space) kept, added, deleted. */
export function textChanges(before: string, after: string): TextDiff {
  const words = (t: string): string[] => t.match(/\S+\s*|\s+/g) ?? [];
  const paragraphs = (t: string): string[] => t.split(/(?<=\n)/);
  for (const [by, split] of [['words', words], ['paragraphs', paragraphs]] as const) {
    const a = split(before);
    const b = split(after);
    if (diffCost(a, b) <= MAX_DIFF_CELLS) return { by, changes: merge(diffArrays(a, b)) };
  }
  return { by: 'none', changes: [] };
}

/** Joins neighbouring items of the same kind into one change. */
function merge(diff: { kind: TextChange['kind']; text: string }[]): TextChange[] {
  const out: TextChange[] = [];
  for (const d of diff) {
    const last = out[out.length - 1];
    if (last && last.kind === d.kind) last.text += d.text;
    else out.push({ kind: d.kind, text: d.text });
  }
  return out;
}
