import { and, asc, count, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { evaluations, submissions } from '../schema.ts';

/** One row of a writer's history: a submission and its evaluation. */
export interface HistoryRow {
  submissionId: number;
  evaluationId: number;
  createdAt: number;
  status: 'queued' | 'running' | 'done' | 'failed';
  overall: number | null;
  band: string | null;
  resultJson: string | null;
  memoStart: string;
  parentId: number | null;
}

/** A page of the writer's own submissions, newest first. */
export function listWriterHistory(db: Db, writerId: string, limit: number, offset: number): HistoryRow[] {
  return db
    .select({
      submissionId: submissions.id,
      evaluationId: evaluations.id,
      createdAt: submissions.createdAt,
      status: evaluations.status,
      overall: evaluations.overall,
      band: evaluations.band,
      resultJson: evaluations.resultJson,
      memoStart: sql<string>`substr(${submissions.text}, 1, 90)`,
      parentId: submissions.parentId,
    })
    .from(submissions)
    .innerJoin(evaluations, eq(evaluations.submissionId, submissions.id))
    .where(eq(submissions.writerId, writerId))
    .orderBy(desc(submissions.createdAt), desc(submissions.id))
    .limit(limit)
    .offset(offset)
    .all();
}

/** How many submissions a writer has made. */
export function countWriterSubmissions(db: Db, writerId: string): number {
  return db.select({ n: count() }).from(submissions).where(eq(submissions.writerId, writerId)).get()?.n ?? 0;
}

/** The writer's finished evaluations in time order (the newest `limit`), for the progress chart. */
export function writerProgress(db: Db, writerId: string, limit: number): { evaluationId: number; createdAt: number; overall: number; resultJson: string }[] {
  const newest = db
    .select({ evaluationId: evaluations.id, createdAt: submissions.createdAt, overall: sql<number>`${evaluations.overall}`, resultJson: sql<string>`${evaluations.resultJson}` })
    .from(evaluations)
    .innerJoin(submissions, eq(submissions.id, evaluations.submissionId))
    .where(and(eq(submissions.writerId, writerId), eq(evaluations.status, 'done')))
    .orderBy(desc(submissions.createdAt), desc(evaluations.id))
    .limit(limit)
    .all();
  return newest.reverse();
}

/** The finished result and text of a writer's earlier submission (the one a revision revises). */
export function findParentResult(db: Db, submissionId: number, writerId: string): { evaluationId: number; text: string; resultJson: string } | undefined {
  return db
    .select({ evaluationId: evaluations.id, text: submissions.text, resultJson: sql<string>`${evaluations.resultJson}` })
    .from(submissions)
    .innerJoin(evaluations, eq(evaluations.submissionId, submissions.id))
    .where(and(eq(submissions.id, submissionId), eq(submissions.writerId, writerId), eq(evaluations.status, 'done')))
    .orderBy(asc(evaluations.id))
    .limit(1)
    .get();
}
