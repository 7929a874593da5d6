import * as v from 'valibot';
import type { Rubric } from '../config/schemas.ts';
import type { StreamedCriterion } from '../llm/criteria-stream.ts';

// The criteria a running evaluation has streamed so far (decision 014), as stored in
// evaluations.partial_json: every rubric criterion in rubric order, with score and justification
// once it has arrived. Self-contained, so the page needs no rubric lookup while it polls.

/** One criterion of a running evaluation: arrived (score and justification) or still a placeholder. */
export interface PartialCriterion {
  id: string;
  name: string;
  score?: number;
  justification?: string;
}

/** What a running evaluation has shown so far. */
export interface PartialCriteria {
  scale: { min: number; max: number };
  criteria: PartialCriterion[];
}

const PartialSchema = v.object({
  scale: v.object({ min: v.number(), max: v.number() }),
  criteria: v.array(v.object({ id: v.string(), name: v.string(), score: v.optional(v.number()), justification: v.optional(v.string()) })),
});

/** The stored form of the criteria streamed so far, in rubric order. */
export function partialJson(rubric: Rubric, streamed: StreamedCriterion[]): string {
  const byId = new Map(streamed.map((c) => [c.id, c]));
  const criteria = rubric.criteria.map((c): PartialCriterion => {
    const got = byId.get(c.id);
    return got ? { id: c.id, name: c.name, score: got.score, justification: got.justification } : { id: c.id, name: c.name };
  });
  return JSON.stringify({ scale: { min: rubric.scale.min, max: rubric.scale.max }, criteria } satisfies PartialCriteria);
}

/** The stored partial criteria, checked; undefined when there are none or they don't read (they are transient: never an error). */
export function readPartial(json: string | null): PartialCriteria | undefined {
  if (!json) return undefined;
  try {
    const r = v.safeParse(PartialSchema, JSON.parse(json));
    return r.success && r.output.criteria.some((c) => c.score !== undefined) ? r.output : undefined;
  } catch {
    return undefined;
  }
}

/** How many criteria have arrived. */
export function arrivedCount(p: PartialCriteria): number {
  return p.criteria.filter((c) => c.score !== undefined).length;
}
