import { defaultAssignment, findAssignmentBySlug, listOpenAssignments, submissionAssignment, DEFAULT_ASSIGNMENT_SLUG, type AssignmentLink } from '../db/queries/assignments.ts';
import { findWriterSubmission } from '../db/queries/submissions.ts';
import type { Rubric } from '../config/schemas.ts';
import type { ConfigStore } from '../config-versions/store.ts';
import type { Db } from '../db/client.ts';
import { untilNextWrite } from '../db/data-version.ts';
import type { Assignment } from '../db/schema.ts';
import { evaluationConfig } from './evaluation-config.ts';
import { versionsOf } from '../config/index.ts';

// How a student reaches an assignment: the form at `/` or `/a/<slug>`, and where a posted memo goes.

/** What the memo form shows of its assignment (nothing for the default one at `/`). */
export interface FormAssignment {
  slug: string;
  title: string;
  context: string;
}

/** Where a posted memo goes: its assignment and the memo it revises, or why it can't be taken. */
export type SubmissionTarget =
  | { ok: true; assignment: Assignment; parentId: number | null }
  | { ok: false; reason: 'unknown'; slug: string }
  | { ok: false; reason: 'closed'; assignment: Assignment };

/** The assignment's part of the form; at home (`/`, revisions) none for the default one, so `/` stays as it always was. */
export function formAssignment(a: Assignment | undefined, atHome = true): FormAssignment | undefined {
  if (!a || (atHome && a.slug === DEFAULT_ASSIGNMENT_SLUG)) return undefined;
  return { slug: a.slug, title: a.title, context: a.context };
}

/** The form's assignment again after a refused post: the posted slug's, kept even when unknown (never silently another). */
export function postedAssignment(db: Db, slug: unknown): FormAssignment | undefined {
  if (typeof slug !== 'string' || slug.trim() === '') return undefined;
  return formAssignment(findAssignmentBySlug(db, slug.trim()), false) ?? { slug: slug.trim(), title: '', context: '' };
}

/**
 * The assignment a memo goes to: its parent's when it revises one of the writer's memos (whatever is
 * posted), else the posted slug's, else the default one. A closed assignment takes no new memo.
 */
export function submissionTarget(db: Db, input: { slug: string | undefined; parent: number | undefined; writerId: string | undefined }): SubmissionTarget {
  const parent = input.parent !== undefined && input.writerId ? findWriterSubmission(db, input.parent, input.writerId) : undefined;
  const assignment = parent ? submissionAssignment(db, parent.id) : input.slug ? findAssignmentBySlug(db, input.slug) : defaultAssignment(db);
  if (!assignment) return { ok: false, reason: 'unknown', slug: input.slug ?? '' };
  if (!assignment.open) return { ok: false, reason: 'closed', assignment };
  return { ok: true, assignment, parentId: parent?.id ?? null };
}

/** What `/` shows: the default form when it is the only open assignment, else the list of open ones. */
export function homeChoice(db: Db): { kind: 'form' } | { kind: 'list'; assignments: AssignmentLink[] } {
  const open = untilNextWrite(db, 'open-assignments', () => listOpenAssignments(db));
  if (open.length === 1 && open[0]!.slug === DEFAULT_ASSIGNMENT_SLUG) return { kind: 'form' };
  return { kind: 'list', assignments: open };
}

/**
 * The rubric a memo to this assignment is assessed with (its pinned version, else the one in force),
 * for the form's summary and the rubric page. A pinned version that no longer reads shows the one in
 * force; the evaluation itself then fails with the reason, as evaluationConfig says.
 */
export function assessedRubric(db: Db, store: ConfigStore, slug: string | undefined): Rubric {
  // Read on every form: kept until the database (assignments, config versions) or the config in force changes.
  const inForce = JSON.stringify(versionsOf(store.current.files));
  return untilNextWrite(db, `assessed-rubric ${inForce} ${JSON.stringify(slug)}`, () => readAssessedRubric(db, store, slug));
}

function readAssessedRubric(db: Db, store: ConfigStore, slug: string | undefined): Rubric {
  const a = slug ? findAssignmentBySlug(db, slug) : undefined;
  const resolved = evaluationConfig(db, store, a?.id ?? null);
  return resolved.ok ? resolved.config.rubric : store.current.files.rubric;
}

/** Where the form links for the full rubric: `/rubric` for the default assignment, else the assignment's own. */
export function rubricHref(assignment: FormAssignment | undefined): string {
  return assignment ? `/a/${encodeURIComponent(assignment.slug)}/rubric` : '/rubric';
}
