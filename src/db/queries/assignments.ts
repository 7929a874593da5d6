import { and, asc, eq, exists, or, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { preparedQuery } from '../prepared.ts';
import { assignmentInstructors, assignments, submissions, users, type Assignment, type User } from '../schema.ts';

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
  return assignmentBySlug(db).get({ slug });
}

const assignmentBySlug = preparedQuery((db) => db.select().from(assignments).where(eq(assignments.slug, sql.placeholder('slug'))).prepare());

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
  return openAssignments(db).all();
}

const openAssignments = preparedQuery((db) =>
  db.select({ id: assignments.id, slug: assignments.slug, title: assignments.title }).from(assignments).where(eq(assignments.open, true)).orderBy(asc(assignments.title), asc(assignments.id)).prepare(),
);

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

/** An assignment row as the console's table shows it: the assignment and its owner's username. */
export type AssignmentSummary = Assignment & { ownerName: string | null };

/** The assignments a staff member runs (as listAssignmentsFor), each with its owner's username. */
export function listAssignmentSummariesFor(db: Db, user: Pick<User, 'id' | 'role'>): AssignmentSummary[] {
  const q = db.select({ a: assignments, ownerName: users.username }).from(assignments).leftJoin(users, eq(users.id, assignments.ownerId));
  const scoped = user.role === 'admin' ? q : q.where(teaches(db, user.id));
  return scoped.orderBy(asc(assignments.title), asc(assignments.id)).all().map((r) => ({ ...r.a, ownerName: r.ownerName }));
}

/** The fields an assignment's form sets. */
export type AssignmentFields = Pick<Assignment, 'slug' | 'title' | 'context' | 'release' | 'open' | 'rubricVersion' | 'promptVersion'>;

/** Stores a new assignment; returns its id. */
export function insertAssignment(db: Db, a: AssignmentFields & { ownerId: string; now: number }): number {
  const { now, ...fields } = a;
  return db.insert(assignments).values({ ...fields, createdAt: now, updatedAt: now }).returning({ id: assignments.id }).get().id;
}

/** Replaces an assignment's form fields. */
export function updateAssignmentFields(db: Db, id: number, a: AssignmentFields, now: number): void {
  db.update(assignments).set({ ...a, updatedAt: now }).where(eq(assignments.id, id)).run();
}

/** An assignment's co-teachers, by username. */
export function listCoTeachers(db: Db, assignmentId: number): { id: string; username: string | null }[] {
  return db
    .select({ id: users.id, username: users.username })
    .from(assignmentInstructors)
    .innerJoin(users, eq(users.id, assignmentInstructors.userId))
    .where(eq(assignmentInstructors.assignmentId, assignmentId))
    .orderBy(asc(users.username))
    .all();
}

/** Adds a co-teacher; false when they already were one. */
export function insertCoTeacher(db: Db, assignmentId: number, userId: string): boolean {
  return db.insert(assignmentInstructors).values({ assignmentId, userId }).onConflictDoNothing().run().changes > 0;
}

/** Removes a co-teacher; false when they were not one. */
export function deleteCoTeacher(db: Db, assignmentId: number, userId: string): boolean {
  return db.delete(assignmentInstructors).where(and(eq(assignmentInstructors.assignmentId, assignmentId), eq(assignmentInstructors.userId, userId))).run().changes > 0;
}

/** The assignment a submission belongs to (the default one for rows older than assignments), or undefined. */
export function submissionAssignment(db: Db, submissionId: number): Assignment | undefined {
  const row = db.select({ assignmentId: submissions.assignmentId }).from(submissions).where(eq(submissions.id, submissionId)).get();
  if (!row) return undefined;
  return row.assignmentId === null ? defaultAssignment(db) : findAssignment(db, row.assignmentId);
}
