import { diffArrays } from './config/diff.ts';
import type { EvaluationResult } from './llm/evaluate.ts';

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

// Above this many word pairs the word diff would cost too much memory; paragraphs are compared instead.
const MAX_CELLS = 4_000_000;

/** What changed between two versions of a memo: words (each with its trailing space) kept, added, deleted. */
export function textChanges(before: string, after: string): TextChange[] {
  const words = (t: string): string[] => t.match(/\S+\s*|\s+/g) ?? [];
  let a = words(before);
  let b = words(after);
  if (a.length * b.length > MAX_CELLS) {
    a = before.split(/(?<=\n)/);
    b = after.split(/(?<=\n)/);
  }
  const out: TextChange[] = [];
  for (const d of diffArrays(a, b)) {
    const last = out[out.length - 1];
    if (last && last.kind === d.kind) last.text += d.text;
    else out.push({ kind: d.kind, text: d.text });
  }
  return out;
}
