import * as v from 'valibot';

const Segment = v.object({
  quote: v.string(),
  criterion: v.string(),
  comment: v.string(),
  questions: v.array(v.string()),
  suggestion: v.string(),
  anchored: v.boolean(),
  start: v.optional(v.number()),
  end: v.optional(v.number()),
});

/**
 * The stored result of a successful evaluation (`evaluations.result_json`); self-contained, so later
 * rubric edits don't change it. The one definition: `EvaluationResult` is inferred from it.
 */
export const EvaluationResultSchema = v.object({
  rubricName: v.string(),
  scale: v.object({ min: v.number(), max: v.number(), labels: v.record(v.string(), v.string()) }),
  overall: v.number(),
  band: v.string(),
  // instructorComment: set on the criteria an instructor overrode in a released (final) result.
  criteria: v.array(v.object({ id: v.string(), name: v.string(), weight: v.number(), score: v.number(), justification: v.string(), instructorComment: v.optional(v.string()) })),
  strengths: v.array(v.string()),
  opportunities: v.array(v.string()),
  segments: v.array(Segment),
  demo: v.boolean(),
});

export type EvaluationResult = v.InferOutput<typeof EvaluationResultSchema>;
export type Segment = v.InferOutput<typeof Segment>;

/**
 * A stored result that is not JSON or not an EvaluationResult. Its message names only where the shape
 * broke, never a value: the JSON holds quotes from the memo, and the message reaches the logs.
 */
export class CorruptResultError extends Error {
  constructor(readonly problem: string) {
    super(`stored evaluation result is corrupt: ${problem}`);
    this.name = 'CorruptResultError';
  }
}

/** The stored result JSON, checked; throws CorruptResultError when it is unreadable or the wrong shape. */
export function readResult(json: string): EvaluationResult {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    // SyntaxError messages quote the text around the fault, which may be memo text.
    throw new CorruptResultError('not JSON');
  }
  const parsed = v.safeParse(EvaluationResultSchema, data);
  if (!parsed.success) throw new CorruptResultError(`wrong shape at ${v.getDotPath(parsed.issues[0]) ?? '(root)'}`);
  return parsed.output;
}

/** Criterion id → score of a result. */
export function criterionScores(result: EvaluationResult): Record<string, number> {
  return Object.fromEntries(result.criteria.map((c) => [c.id, c.score]));
}

/** readResult for readers that show everything else anyway (admin detail, CSV): the error is returned, not thrown. */
export function readResultOrError(json: string): EvaluationResult | CorruptResultError {
  try {
    return readResult(json);
  } catch (err) {
    if (err instanceof CorruptResultError) return err;
    throw err;
  }
}
