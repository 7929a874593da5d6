import { and, asc, count, desc, eq, ne, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { evaluations, reviews, submissions } from '../schema.ts';
import { releaseColumns, reviewJoin, type ReleaseRow } from './reviews.ts';

/** One row of a writer's history: a submission and its evaluation (scores through studentShown only). */
export interface HistoryRow extends ReleaseRow {
  submissionId: number;
  evaluationId: number;
  createdAt: number;
  status: 'queued' | 'running' | 'done' | 'failed';
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
      ...releaseColumns,
    })
    .from(submissions)
    .innerJoin(evaluations, eq(evaluations.submissionId, submissions.id))
    .leftJoin(reviews, reviewJoin)
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

const resultColumns = { overall: evaluations.overall, band: evaluations.band, resultJson: evaluations.resultJson, ...releaseColumns };

/** The writer's finished evaluations not waiting for review, in time order (the newest `limit`), for the progress chart. */
export function writerProgress(db: Db, writerId: string, limit: number): ({ evaluationId: number; createdAt: number } & ReleaseRow)[] {
  const newest = db
    .select({ evaluationId: evaluations.id, createdAt: submissions.createdAt, ...resultColumns })
    .from(evaluations)
    .innerJoin(submissions, eq(submissions.id, evaluations.submissionId))
    .leftJoin(reviews, reviewJoin)
    .where(and(eq(submissions.writerId, writerId), eq(evaluations.status, 'done'), ne(evaluations.release, 'pending')))
    .orderBy(desc(submissions.createdAt), desc(evaluations.id))
    .limit(limit)
    .all();
  return newest.reverse();
}

/** The finished result columns (read them through studentShown) and text of a writer's earlier submission (the one a revision revises). */
export function findParentResult(db: Db, submissionId: number, writerId: string): ({ evaluationId: number; text: string } & ReleaseRow) | undefined {
  return db
    .select({ evaluationId: evaluations.id, text: submissions.text, ...resultColumns })
    .from(submissions)
    .innerJoin(evaluations, eq(evaluations.submissionId, submissions.id))
    .leftJoin(reviews, reviewJoin)
    .where(and(eq(submissions.id, submissionId), eq(submissions.writerId, writerId), eq(evaluations.status, 'done')))
    .orderBy(asc(evaluations.id))
    .limit(1)
    .get();
}
