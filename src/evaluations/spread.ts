import * as v from 'valibot';

// How the k readings of one evaluation (llm.yaml samples, decision 019) agreed, as stored in
// evaluations.spread_json: per criterion every combined reading's score, its median (the score
// the result shows), min, max, range and population sd; and which readings were used or failed.

const CriterionSpreadSchema = v.object({
  id: v.string(),
  /** The combined (successful) readings' scores, in reading order. */
  scores: v.array(v.number()),
  /** The score the result uses: medianScore of `scores`. */
  median: v.number(),
  min: v.number(),
  max: v.number(),
  range: v.number(),
  sd: v.number(),
});

/** The stored spread of one evaluation read k > 1 times; the one definition, its type inferred from it. */
export const ReadingsSpreadSchema = v.object({
  /** k: how many readings were asked for. */
  readings: v.number(),
  /** 0-based indices of the readings the result combines. */
  used: v.array(v.number()),
  /** Readings that ended without a result: index, error kind and message. */
  failed: v.array(v.object({ reading: v.number(), kind: v.string(), message: v.string() })),
  /** One entry per rubric criterion, in rubric order. */
  criteria: v.array(CriterionSpreadSchema),
});

export type ReadingsSpread = v.InferOutput<typeof ReadingsSpreadSchema>;
export type CriterionSpread = v.InferOutput<typeof CriterionSpreadSchema>;

/** The stored spread, checked; undefined when there is none (a single reading) or it does not read (it only explains, never blocks a page). */
export function readSpread(json: string | null): ReadingsSpread | undefined {
  if (!json) return undefined;
  try {
    const parsed = v.safeParse(ReadingsSpreadSchema, JSON.parse(json));
    return parsed.success ? parsed.output : undefined;
  } catch {
    return undefined;
  }
}

/** The largest range of any criterion: how far the readings disagreed at worst. */
export function largestRange(s: ReadingsSpread): number {
  return Math.max(0, ...s.criteria.map((c) => c.range));
}
