import type { ReleaseMode } from '../../src/db/schema.ts';
import { insertSubmissionWithEvaluation } from '../../src/db/queries/submissions.ts';
import { row } from './db.ts';
import { waitForEvaluation, type TestApp } from './app.ts';

/** Inserts an assignment row directly (the assignments pages are another change); returns its id. */
export function insertAssignment(t: TestApp, a: { slug: string; release: ReleaseMode; ownerId?: string | null; title?: string }): number {
  const now = Date.now();
  const res = t.db.$client
    .prepare('insert into assignments (slug, title, context, release, open, owner_id, created_at, updated_at) values (?, ?, ?, ?, 1, ?, ?, ?)')
    .run(a.slug, a.title ?? `Assignment ${a.slug}`, '', a.release, a.ownerId ?? null, now, now);
  return Number(res.lastInsertRowid);
}

/** The id of a user by username. */
export function userId(t: TestApp, username: string): string {
  return row<{ id: string }>(t.db, 'select id from users where username = ?', username)!.id;
}

/** A memo by `writerId` to an assignment, evaluated by the in-process queue; returns the evaluation id once done. */
export async function submitTo(t: TestApp, writerId: string, assignment: { id: number; release: ReleaseMode }, text: string, parentId: number | null = null): Promise<number> {
  const id = insertSubmissionWithEvaluation(t.db, { writerId, text, parentId, now: Date.now(), assignment });
  t.queue.notify();
  await waitForEvaluation(t, id);
  return id;
}
