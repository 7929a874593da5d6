import type { Acting } from '../auth/accounts.ts';
import { insertAudit, withAudit, type AuditInput } from '../db/queries/audit.ts';
import {
  DEFAULT_ASSIGNMENT_SLUG,
  deleteCoTeacher,
  findAssignmentBySlug,
  insertAssignment,
  insertCoTeacher,
  updateAssignmentFields,
  type AssignmentFields,
} from '../db/queries/assignments.ts';
import { findConfigVersion } from '../db/queries/config-versions.ts';
import type { ConfigVersion } from '../db/schema.ts';
import { findUserById, findUserByUsername } from '../db/queries/users.ts';
import type { Db } from '../db/client.ts';
import type { Assignment } from '../db/schema.ts';
import { isUniqueViolation } from '../db/errors.ts';

// Assignment operations for the console. Each checks its rules, then changes the database and writes
// its audit entry in one transaction (as src/auth/accounts.ts does for accounts).

/** An assignment's slug: lowercase letters, digits and hyphens, 2 to 40 characters. */
export const SLUG_PATTERN = /^[a-z0-9-]{2,40}$/;

/** Longest brief accepted: it goes into every evaluation's system prompt. */
export const MAX_CONTEXT_CHARS = 5000;

/** What was wrong with an assignment's fields beyond their shape. */
export interface AssignmentProblems {
  slug?: 'taken' | 'fixed';
  rubricVersion?: PinProblem;
  promptVersion?: PinProblem;
}

export type AssignmentChange = { ok: true; id: number } | { ok: false; problems: AssignmentProblems };

export type CoTeacherChange = { ok: true; changed: boolean; username: string } | { ok: false; error: 'unknown' | 'not-staff' | 'owner' };

/** Why a pinned version can't be pinned: there is none, or it is a draft (drafts never grade memos). */
export type PinProblem = 'missing' | 'draft';

function pinProblem(row: ConfigVersion | undefined): PinProblem | undefined {
  if (!row) return 'missing';
  return row.status === 'published' ? undefined : 'draft';
}

/** The pinned versions that don't exist or aren't published (0, the shipped file, always does). */
function pinProblems(db: Db, input: AssignmentFields): AssignmentProblems {
  const problem = (name: 'rubric' | 'prompt', v: number | null) => (v === null || v === 0 ? undefined : pinProblem(findConfigVersion(db, name, v)));
  return { rubricVersion: problem('rubric', input.rubricVersion), promptVersion: problem('prompt', input.promptVersion) };
}

/** Every problem with the fields of a new assignment, or of `current` changed to them. */
function problemsOf(db: Db, input: AssignmentFields, current?: Assignment): AssignmentProblems | undefined {
  const problems = pinProblems(db, input);
  if (current?.slug === DEFAULT_ASSIGNMENT_SLUG && input.slug !== current.slug) problems.slug = 'fixed';
  else if (input.slug !== current?.slug && findAssignmentBySlug(db, input.slug)) problems.slug = 'taken';
  return Object.values(problems).some(Boolean) ? problems : undefined;
}

/** Runs a slug-writing change; a unique-index failure (the slug taken meanwhile; isUniqueViolation reads any such error) is a problem, not a crash. */
function slugSafe(change: () => number): AssignmentChange {
  try {
    return { ok: true, id: change() };
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    return { ok: false, problems: { slug: 'taken' } };
  }
}

/** Runs a change and, when it changed something, its audit entry, in one transaction. */
function auditedIfChanged(db: Db, entry: AuditInput, change: () => boolean): boolean {
  return db.transaction(() => {
    const changed = change();
    if (changed) insertAudit(db, entry);
    return changed;
  });
}

/** Creates an assignment owned by the acting staff member (audit: assignment.create). */
export function createAssignment(db: Db, by: Acting, input: AssignmentFields): AssignmentChange {
  const problems = problemsOf(db, input);
  if (problems) return { ok: false, problems };
  const entry = (id: number) => ({ ...by, action: 'assignment.create', target: input.slug, details: { id, ...input, context: undefined } });
  return slugSafe(() => withAudit(db, entry, () => insertAssignment(db, { ...input, ownerId: by.actor.id!, now: by.now })));
}

/** Changes an assignment's fields; the default assignment keeps its slug (audit: assignment.update). */
export function updateAssignment(db: Db, by: Acting, current: Assignment, input: AssignmentFields): AssignmentChange {
  const problems = problemsOf(db, input, current);
  if (problems) return { ok: false, problems };
  const changed = (Object.keys(input) as (keyof AssignmentFields)[]).filter((k) => input[k] !== current[k]);
  const entry = { ...by, action: 'assignment.update', target: input.slug, details: { id: current.id, changed } };
  return slugSafe(() => withAudit(db, entry, () => (updateAssignmentFields(db, current.id, input, by.now), current.id)));
}

/** Adds an instructor or admin account as co-teacher (audit: assignment.instructor_add). */
export function addCoTeacher(db: Db, by: Acting, assignment: Assignment, username: string): CoTeacherChange {
  const user = findUserByUsername(db, username);
  if (!user || user.anonymous || !user.active) return { ok: false, error: 'unknown' };
  if (user.role === 'student') return { ok: false, error: 'not-staff' };
  if (user.id === assignment.ownerId) return { ok: false, error: 'owner' };
  const entry = { ...by, action: 'assignment.instructor_add', target: assignment.slug, details: { id: assignment.id, instructor: user.username } };
  const changed = auditedIfChanged(db, entry, () => insertCoTeacher(db, assignment.id, user.id));
  return { ok: true, changed, username: user.username ?? user.id };
}

/** Removes a co-teacher (audit: assignment.instructor_remove); removing someone who isn't one changes nothing. */
export function removeCoTeacher(db: Db, by: Acting, assignment: Assignment, userId: string): CoTeacherChange {
  const user = findUserById(db, userId);
  if (!user) return { ok: false, error: 'unknown' };
  const name = user.username ?? user.id;
  const entry = { ...by, action: 'assignment.instructor_remove', target: assignment.slug, details: { id: assignment.id, instructor: name } };
  const changed = auditedIfChanged(db, entry, () => deleteCoTeacher(db, assignment.id, user.id));
  return { ok: true, changed, username: name };
}
