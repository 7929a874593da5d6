import type { Rubric } from '../config/schemas.ts';
import type { EvaluationResult } from '../evaluations/result.ts';
import { bandFor, overallScore } from '../llm/scoring.ts';

/** An instructor's score and comment for one criterion. */
export interface Override {
  criterionId: string;
  score: number;
  comment: string;
}

/** What an instructor entered on the review form, validated. */
export interface ReviewInput {
  /** Criterion id → score (every criterion of the AI result). */
  scores: Record<string, number>;
  /** Criterion id → comment ('' when none). */
  comments: Record<string, string>;
  note: string;
  action: 'save' | 'release';
}

/** The overrides worth storing: criteria whose score differs from the AI's, or that have a comment. */
export function overridesOf(ai: EvaluationResult, input: ReviewInput): Override[] {
  return ai.criteria
    .map((c) => ({ criterionId: c.id, score: input.scores[c.id] ?? c.score, comment: input.comments[c.id] ?? '' }))
    .filter((o, i) => o.score !== ai.criteria[i]!.score || o.comment !== '');
}

/**
 * The final result: the AI's with each overridden criterion's score and the comment as
 * `instructorComment`; overall recomputed with the weights stored in the result (the same scoring
 * code as the AI's), band from the rubric the evaluation used. The AI result itself is not touched.
 */
export function finalResult(ai: EvaluationResult, overrides: Override[], rubric: Pick<Rubric, 'bands'>): EvaluationResult {
  const byId = new Map(overrides.map((o) => [o.criterionId, o]));
  const criteria = ai.criteria.map((c) => {
    const o = byId.get(c.id);
    return o ? { ...c, score: o.score, instructorComment: o.comment } : c;
  });
  const overall = overallScore({ criteria }, Object.fromEntries(criteria.map((c) => [c.id, c.score])));
  return { ...ai, criteria, overall, band: bandFor(rubric, overall) };
}
