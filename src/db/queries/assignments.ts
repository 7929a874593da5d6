import { and, asc, eq, exists, or } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { assignmentInstructors, assignments, type Assignment, type User } from '../schema.ts';

/** The assignment created by migration 0008: today's single form, at `/` and `/a/memo`. */
export const DEFAULT_ASSIGNMENT_SLUG = 'memo';

/** What a student's list of assignments shows. */
export interface AssignmentLink {
  id: number;
  slug: string;
  title: string;
}

/** One assignment by its URL slug, or undefined. */
export function findAssignmentBySlug(db: Db, slug: string): Assignment | undefined {
  return db.select().from(assignments).where(eq(assignments.slug, slug)).get();
}

/** One assignment by id, or undefined. */
export function findAssignment(db: Db, id: number): Assignment | undefined {
  return db.select().from(assignments).where(eq(assignments.id, id)).get();
}

/** The default assignment (always present after migration 0008). */
export function defaultAssignment(db: Db): Assignment {
  const a = findAssignmentBySlug(db, DEFAULT_ASSIGNMENT_SLUG);
  if (!a) throw new Error(`the default assignment "${DEFAULT_ASSIGNMENT_SLUG}" is missing (migration 0008)`);
  return a;
}

/** Assignments open for new memos, by title: what a student can choose from. */
export function listOpenAssignments(db: Db): AssignmentLink[] {
  return db.select({ id: assignments.id, slug: assignments.slug, title: assignments.title }).from(assignments).where(eq(assignments.open, true)).orderBy(asc(assignments.title), asc(assignments.id)).all();
}

/** SQL condition: `user` owns or co-teaches the assignment (admins are let through before this is used). */
export function teaches(db: Db, userId: string) {
  return or(
    eq(assignments.ownerId, userId),
    exists(db.select({ one: assignmentInstructors.userId }).from(assignmentInstructors).where(and(eq(assignmentInstructors.assignmentId, assignments.id), eq(assignmentInstructors.userId, userId)))),
  );
}

/** True when `user` may run this assignment: an admin, its owner, or a co-teacher. */
export function canTeach(db: Db, assignmentId: number, user: Pick<User, 'id' | 'role'>): boolean {
  if (user.role === 'admin') return true;
  if (user.role !== 'instructor') return false;
  return db.select({ id: assignments.id }).from(assignments).where(and(eq(assignments.id, assignmentId), teaches(db, user.id))).get() !== undefined;
}

/** The assignments a staff member runs, by title: every one for an admin, owned or co-taught for an instructor. */
export function listAssignmentsFor(db: Db, user: Pick<User, 'id' | 'role'>): Assignment[] {
  const q = db.select().from(assignments);
  const scoped = user.role === 'admin' ? q : q.where(teaches(db, user.id));
  return scoped.orderBy(asc(assignments.title), asc(assignments.id)).all();
}
