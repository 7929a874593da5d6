import { and, asc, eq, isNotNull, ne, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { Db } from '../client.ts';
import { evaluations, reviews, submissions } from '../schema.ts';

/** One released review: the AI's stored result beside the final result the student got. */
export interface ReleasedReviewRow {
  evaluationId: number;
  rubricVersion: string | null;
  aiJson: string;
  finalJson: string;
}

/** One done evaluation as its student sees it: the final result when released, else the AI's. */
export interface VisibleResultRow {
  evaluationId: number;
  rubricVersion: string | null;
  resultJson: string;
}

/** A revision and the submission it revises, by evaluation id (both done and visible to the student). */
export interface RevisionPairRow {
  parentEvaluationId: number;
  revisionEvaluationId: number;
}

/** Released reviews of an assignment's done evaluations (AI result, final result, rubric hash), by evaluation id. */
export function listReleasedReviews(db: Db, assignmentId: number): ReleasedReviewRow[] {
  return db
    .select({ evaluationId: evaluations.id, rubricVersion: evaluations.rubricVersion, aiJson: sql<string>`${evaluations.resultJson}`, finalJson: sql<string>`${reviews.finalJson}` })
    .from(evaluations)
    .innerJoin(submissions, eq(submissions.id, evaluations.submissionId))
    .innerJoin(reviews, eq(reviews.evaluationId, evaluations.id))
    .where(and(eq(submissions.assignmentId, assignmentId), eq(evaluations.status, 'done'), eq(evaluations.release, 'released'), isNotNull(reviews.releasedAt), isNotNull(reviews.finalJson), isNotNull(evaluations.resultJson)))
    .orderBy(asc(evaluations.id))
    .all();
}

/** The student's result JSON of an evaluation: the released final one, or the AI's when released at once (pending: none). */
const visibleJson = sql<string | null>`case ${evaluations.release} when 'released' then (select ${reviews.finalJson} from ${reviews} where ${reviews.evaluationId} = ${evaluations.id} and ${reviews.releasedAt} is not null) when 'immediate' then ${evaluations.resultJson} end`;

/** Done evaluations of an assignment whose result the student can see, with that result's JSON, by id. */
export function listVisibleResults(db: Db, assignmentId: number): VisibleResultRow[] {
  const rows = db
    .select({ evaluationId: evaluations.id, rubricVersion: evaluations.rubricVersion, resultJson: visibleJson })
    .from(evaluations)
    .innerJoin(submissions, eq(submissions.id, evaluations.submissionId))
    .where(and(eq(submissions.assignmentId, assignmentId), eq(evaluations.status, 'done'), ne(evaluations.release, 'pending')))
    .orderBy(asc(evaluations.id))
    .all();
  return rows.filter((r): r is VisibleResultRow => r.resultJson !== null);
}

const parentSubmission = alias(submissions, 'parent_submission');
const parentEvaluation = alias(evaluations, 'parent_evaluation');

/** Revisions in an assignment whose own and parent's evaluations are both done and not pending, by revision id. */
export function listRevisionPairs(db: Db, assignmentId: number): RevisionPairRow[] {
  return db
    .select({ parentEvaluationId: parentEvaluation.id, revisionEvaluationId: evaluations.id })
    .from(evaluations)
    .innerJoin(submissions, eq(submissions.id, evaluations.submissionId))
    .innerJoin(parentSubmission, eq(parentSubmission.id, submissions.parentId))
    .innerJoin(parentEvaluation, eq(parentEvaluation.submissionId, parentSubmission.id))
    .where(
      and(
        eq(submissions.assignmentId, assignmentId),
        eq(evaluations.status, 'done'),
        ne(evaluations.release, 'pending'),
        eq(parentEvaluation.status, 'done'),
        ne(parentEvaluation.release, 'pending'),
      ),
    )
    .orderBy(asc(evaluations.id))
    .all();
}
