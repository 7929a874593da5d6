import { desc, eq } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { flags } from '../schema.ts';

/** Stores a student's flag on an evaluation; returns its id. */
export function insertFlag(db: Db, f: { evaluationId: number; reason: string; now: number }): number {
  return db.insert(flags).values({ evaluationId: f.evaluationId, reason: f.reason, createdAt: f.now }).returning({ id: flags.id }).get().id;
}

/** The newest flag on an evaluation (open or answered), or undefined when it was never flagged. */
export function latestFlag(db: Db, evaluationId: number): { createdAt: number; resolvedAt: number | null } | undefined {
  return db.select({ createdAt: flags.createdAt, resolvedAt: flags.resolvedAt }).from(flags).where(eq(flags.evaluationId, evaluationId)).orderBy(desc(flags.id)).limit(1).get();
}
