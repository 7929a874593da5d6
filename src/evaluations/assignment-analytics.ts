import type { Rubric } from '../config/schemas.ts';
import type { Db } from '../db/client.ts';
import { listReleasedReviews, listRevisionPairs, listVisibleResults } from '../db/queries/analytics.ts';
import { agreement, distribution, growth, mean, onScale, type Agreement, type RatingPair, type Scale, type ScoreSet } from './agreement.ts';
import { CorruptResultError, criterionScores, readResultOrError } from './result.ts';

export interface CriterionRef {
  id: string;
  name: string;
}

/** Agreement over one criterion, or over every criterion pooled (`criterionId` null). */
export type AgreementRow = Agreement & { criterionId: string | null; name: string };

/** Scores per level of one criterion: `counts[i]` students got level `scale.min + i`. */
export interface DistributionRow extends CriterionRef {
  counts: number[];
}

/** A mean over `n` values (null when n = 0): an average score, or a mean change across revisions. */
export interface MeanRow extends CriterionRef {
  n: number;
  mean: number | null;
}

/** Everything the analytics section and its CSV show for one assignment. */
export interface AssignmentAnalytics {
  assignmentId: number;
  scale: Scale;
  criteria: CriterionRef[];
  currentRubricHash: string;
  /** Set when the assignment's pinned rubric no longer reads, so the rubric in force was measured against. */
  rubricProblem?: string;
  counts: { evaluations: number; reviewed: number; revisionPairs: number; unreadable: number };
  agreement: { criteria: AgreementRow[]; pooled: AgreementRow; overallMeanDiff: number | null };
  distributions: DistributionRow[];
  averages: { overall: { n: number; mean: number | null }; criteria: MeanRow[] };
  growth: { pairs: number; overall: number | null; criteria: MeanRow[] };
  /** Evaluations counted here whose rubric hash is not the current one (`reviewed`: of those, with a released review). */
  outdated: { count: number; ids: number[]; reviewed: number };
}

/** Readable results by evaluation id; the ids of unreadable ones go to `bad`. */
function readAll<T extends { evaluationId: number }>(rows: T[], json: (r: T) => string, bad: Set<number>): Map<number, ScoreSet> {
  const out = new Map<number, ScoreSet>();
  for (const r of rows) {
    const result = readResultOrError(json(r));
    if (result instanceof CorruptResultError) bad.add(r.evaluationId);
    else out.set(r.evaluationId, { overall: result.overall, scores: criterionScores(result) });
  }
  return out;
}

/** (AI, final) pairs of one criterion over the reviews that score it on both sides. */
function pairsFor(reviews: { ai: ScoreSet; final: ScoreSet }[], id: string): RatingPair[] {
  return reviews.flatMap(({ ai, final }) => (ai.scores[id] !== undefined && final.scores[id] !== undefined ? [{ ai: ai.scores[id]!, final: final.scores[id]! }] : []));
}

function agreementPart(reviews: { ai: ScoreSet; final: ScoreSet }[], criteria: CriterionRef[], scale: Scale): AssignmentAnalytics['agreement'] {
  const rows = criteria.map((c) => ({ criterionId: c.id, name: c.name, ...agreement(pairsFor(reviews, c.id), scale) }));
  const pooled = { criterionId: null, name: 'All criteria', ...agreement(criteria.flatMap((c) => pairsFor(reviews, c.id)), scale) };
  return { criteria: rows, pooled, overallMeanDiff: mean(reviews.map((r) => r.final.overall - r.ai.overall)) };
}

function scoresOf(results: ScoreSet[], id: string, scale: Scale): number[] {
  return results.flatMap((r) => (r.scores[id] !== undefined && onScale(r.scores[id]!, scale) ? [r.scores[id]!] : []));
}

function classPart(results: ScoreSet[], criteria: CriterionRef[], scale: Scale) {
  const averages = {
    overall: { n: results.length, mean: mean(results.map((r) => r.overall)) },
    criteria: criteria.map((c) => ({ ...c, n: scoresOf(results, c.id, scale).length, mean: mean(scoresOf(results, c.id, scale)) })),
  };
  return { averages, distributions: criteria.map((c) => ({ ...c, counts: distribution(scoresOf(results, c.id, scale), scale) })) };
}

function growthPart(db: Db, assignmentId: number, visible: Map<number, ScoreSet>, criteria: CriterionRef[]): AssignmentAnalytics['growth'] {
  const pairs = listRevisionPairs(db, assignmentId).flatMap((p) => {
    const before = visible.get(p.parentEvaluationId);
    const after = visible.get(p.revisionEvaluationId);
    return before && after ? [{ before, after }] : [];
  });
  const g = growth(pairs, criteria.map((c) => c.id));
  return { pairs: g.pairs, overall: g.overall, criteria: criteria.map((c) => ({ ...c, n: g.criteria[c.id]!.n, mean: g.criteria[c.id]!.meanChange })) };
}

/**
 * Agreement (AI vs released final, per criterion of `rubric`), the class's score distributions and
 * averages (what students see: final when released, AI when immediate, pending left out), growth
 * across revisions, and which evaluations used another rubric than `currentRubricHash`.
 */
export function assignmentAnalytics(db: Db, assignmentId: number, rubric: Rubric, currentRubricHash: string): AssignmentAnalytics {
  const scale = { min: rubric.scale.min, max: rubric.scale.max };
  const criteria = rubric.criteria.map((c) => ({ id: c.id, name: c.name }));
  const bad = new Set<number>();
  const rows = listVisibleResults(db, assignmentId);
  const visible = readAll(rows, (r) => r.resultJson, bad);
  const reviewRows = listReleasedReviews(db, assignmentId);
  const ai = readAll(reviewRows, (r) => r.aiJson, bad);
  const final = readAll(reviewRows, (r) => r.finalJson, bad);
  const reviews = reviewRows.flatMap((r) => (ai.has(r.evaluationId) && final.has(r.evaluationId) ? [{ ai: ai.get(r.evaluationId)!, final: final.get(r.evaluationId)! }] : []));
  const outdated = rows.filter((r) => visible.has(r.evaluationId) && r.rubricVersion !== currentRubricHash).map((r) => r.evaluationId);
  const reviewedIds = new Set(reviewRows.map((r) => r.evaluationId));
  const g = growthPart(db, assignmentId, visible, criteria);
  return {
    assignmentId, scale, criteria, currentRubricHash,
    counts: { evaluations: visible.size, reviewed: reviews.length, revisionPairs: g.pairs, unreadable: bad.size },
    agreement: agreementPart(reviews, criteria, scale),
    ...classPart([...visible.values()], criteria, scale),
    growth: g,
    outdated: { count: outdated.length, ids: outdated, reviewed: outdated.filter((id) => reviewedIds.has(id)).length },
  };
}
