import { and, asc, count, eq, gt, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { assignments, evaluations, submissions, type ReleaseMode } from '../schema.ts';
import { DEFAULT_ASSIGNMENT_SLUG } from './assignments.ts';

export interface NewSubmission {
  writerId: string;
  text: string;
  parentId: number | null;
  now: number;
  /** The assignment it answers and how its result is released; the default assignment when absent. */
  assignment?: { id: number; release: ReleaseMode };
}

const defaultAssignmentId = sql<number>`(select ${assignments.id} from ${assignments} where ${assignments.slug} = ${DEFAULT_ASSIGNMENT_SLUG})`;

/** Stores a memo and its queued evaluation in one transaction; returns the evaluation id. */
export function insertSubmissionWithEvaluation(db: Db, s: NewSubmission): number {
  return db.transaction((tx) => {
    const sub = tx
      .insert(submissions)
      .values({ writerId: s.writerId, text: s.text, charCount: [...s.text].length, parentId: s.parentId, assignmentId: s.assignment?.id ?? defaultAssignmentId, createdAt: s.now })
      .returning({ id: submissions.id })
      .get();
    const release = s.assignment?.release === 'review' ? 'pending' : 'immediate';
    const ev = tx.insert(evaluations).values({ submissionId: sub.id, status: 'queued', release, queuedAt: s.now, createdAt: s.now }).returning({ id: evaluations.id }).get();
    return ev.id;
  });
}

/** A writer's own submission (for revising), or undefined. */
export function findWriterSubmission(db: Db, id: number, writerId: string): { id: number; text: string } | undefined {
  return db
    .select({ id: submissions.id, text: submissions.text })
    .from(submissions)
    .where(and(eq(submissions.id, id), eq(submissions.writerId, writerId)))
    .get();
}

/** A writer's submissions since a time: how many, and when the oldest of them was made. */
export function recentSubmissions(db: Db, writerId: string, since: number): { count: number; oldest: number | null } {
  const where = and(eq(submissions.writerId, writerId), gt(submissions.createdAt, since));
  const n = db.select({ n: count() }).from(submissions).where(where).get()?.n ?? 0;
  const oldest = n ? (db.select({ t: submissions.createdAt }).from(submissions).where(where).orderBy(asc(submissions.createdAt)).limit(1).get()?.t ?? null) : null;
  return { count: n, oldest };
}
