import { and, eq } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { evaluations, submissions } from '../schema.ts';

export interface NewSubmission {
  writerId: string;
  text: string;
  parentId: number | null;
  now: number;
}

/** Stores a memo and its queued evaluation in one transaction; returns the evaluation id. */
export function insertSubmissionWithEvaluation(db: Db, s: NewSubmission): number {
  return db.transaction((tx) => {
    const sub = tx
      .insert(submissions)
      .values({ writerId: s.writerId, text: s.text, charCount: [...s.text].length, parentId: s.parentId, createdAt: s.now })
      .returning({ id: submissions.id })
      .get();
    const ev = tx.insert(evaluations).values({ submissionId: sub.id, status: 'queued', queuedAt: s.now, createdAt: s.now }).returning({ id: evaluations.id }).get();
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
