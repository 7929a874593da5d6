import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { untilNextWrite } from '../data-version.ts';
import { preparedQuery } from '../prepared.ts';
import { evaluations, reviews, submissions, type Evaluation } from '../schema.ts';

/** Everything a finished result page is drawn from that can still change, in one short string. */
export interface EvaluationVersion {
  status: Evaluation['status'];
  /** Run, finish time, release, the review's timestamps, the newest flag and the revised memo's result, joined. */
  version: string;
}

const parent = sql.raw('p');
const parentReview = sql.raw('pr');

/** The writer's own evaluation's state for validators (ETag); undefined when missing or another writer's. Read again only after a write (untilNextWrite). */
export function writerEvaluationVersion(db: Db, id: number, writerId: string): EvaluationVersion | undefined {
  return untilNextWrite(db, `evaluation version ${id} ${writerId}`, () => versionQuery(db).get({ id, writerId }));
}

const versionQuery = preparedQuery((db) =>
  db
    .select({
      status: evaluations.status,
      version: sql<string>`${evaluations.id} || '/' || ${evaluations.runs} || '/' || ifnull(${evaluations.finishedAt}, '') || '/' || ${evaluations.release}
        || '/' || ifnull(${reviews.updatedAt}, '') || '/' || ifnull(${reviews.releasedAt}, '')
        || '/' || ifnull((select f.id || ':' || ifnull(f.resolved_at, '') from flags f where f.evaluation_id = ${evaluations.id} order by f.id desc limit 1), '')
        || '/' || ifnull((select ${parent}.id || ':' || ${parent}.release || ':' || ifnull(${parentReview}.updated_at, '') || ':' || ifnull(${parentReview}.released_at, '')
             from evaluations ${parent} left join reviews ${parentReview} on ${parentReview}.evaluation_id = ${parent}.id
             where ${parent}.submission_id = ${submissions.parentId} and ${parent}.status = 'done' order by ${parent}.id limit 1), '')`,
    })
    .from(evaluations)
    .innerJoin(submissions, eq(submissions.id, evaluations.submissionId))
    .leftJoin(reviews, eq(reviews.evaluationId, evaluations.id))
    .where(and(eq(evaluations.id, sql.placeholder('id')), eq(submissions.writerId, sql.placeholder('writerId'))))
    .prepare(),
);
