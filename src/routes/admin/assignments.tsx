import * as v from 'valibot';
import {
  addCoTeacher as addAssignmentCoTeacher,
  createAssignment as createNewAssignment,
  MAX_CONTEXT_CHARS,
  removeCoTeacher as removeAssignmentCoTeacher,
  SLUG_PATTERN,
  updateAssignment as updateStoredAssignment,
  type AssignmentProblems,
  type CoTeacherChange,
} from '../../assignments/manage.ts';
import { listAssignmentSummariesFor, type AssignmentFields } from '../../db/queries/assignments.ts';
import { RELEASE_MODES, type Assignment } from '../../db/schema.ts';
import { wantsJson, type Ctx } from '../../http/context.ts';
import { readForm } from '../../http/form.ts';
import { normalizeNewlines } from '../../text/newlines.ts';
import type { AssignmentFormState, AssignmentFormValues } from '../../views/partials/admin/assignment-form-state.ts';
import { assignmentNotFound, renderAssignmentPage, renderAssignmentsPage, taughtAssignment } from './assignment-pages.tsx';
import { done } from './users-shared.tsx';
import { actingUser } from '../../http/acting.ts';

const PinSchema = v.optional(v.union([v.literal(''), v.pipe(v.string(), v.regex(/^\d{1,9}$/), v.transform(Number))], 'Choose a version from the list.'), '');

/** The assignment form (create and edit): shape only; a taken slug and missing versions are the domain's rules. */
export const AssignmentSchema = v.object({
  title: v.pipe(v.string('Enter a title.'), v.trim(), v.nonEmpty('Enter a title.'), v.maxLength(120, 'Use at most 120 characters.')),
  slug: v.pipe(v.string('Enter a slug.'), v.trim(), v.nonEmpty('Enter a slug.'), v.regex(SLUG_PATTERN, 'Use 2 to 40 characters: lowercase letters, digits and hyphens.')),
  context: v.optional(v.pipe(v.string('Enter the brief as text.'), v.transform(normalizeNewlines), v.trim(), v.maxLength(MAX_CONTEXT_CHARS, `Use at most ${MAX_CONTEXT_CHARS} characters.`)), ''),
  release: v.picklist(RELEASE_MODES, 'Choose when results reach students.'),
  open: v.optional(v.string()),
  rubric_version: PinSchema,
  prompt_version: PinSchema,
});

/** The form's values as the page shows them again. */
function postedValues(f: Record<string, unknown>): AssignmentFormValues {
  const s = (k: string) => (typeof f[k] === 'string' ? (f[k] as string) : '');
  return { title: s('title').trim(), slug: s('slug').trim(), context: normalizeNewlines(s('context')), release: s('release'), open: f.open !== undefined, rubric_version: s('rubric_version'), prompt_version: s('prompt_version') };
}

/** The parsed form as the assignment's fields. */
function fieldsOf(o: v.InferOutput<typeof AssignmentSchema>): AssignmentFields {
  const pin = (x: number | '') => (x === '' ? null : x);
  return { title: o.title, slug: o.slug, context: o.context, release: o.release, open: o.open !== undefined, rubricVersion: pin(o.rubric_version), promptVersion: pin(o.prompt_version) };
}

/** The rules' problems, in words, beside their fields. */
function problemErrors(p: AssignmentProblems, slug: string): AssignmentFormState['errors'] {
  const slugError = p.slug === 'taken' ? `The slug ${slug} is taken. Choose another.` : p.slug === 'fixed' ? 'The default assignment keeps the slug memo.' : undefined;
  const words = { missing: 'That version no longer exists. Choose one from the list.', draft: 'That version is a draft, not published: drafts never grade memos. Choose a published version from the list.' };
  return { slug: slugError, rubric_version: p.rubricVersion && words[p.rubricVersion], prompt_version: p.promptVersion && words[p.promptVersion] };
}

type Parsed = { ok: true; fields: AssignmentFields; values: AssignmentFormValues } | { ok: false; state: AssignmentFormState };

/** Reads and checks the assignment form. */
function parseAssignmentForm(fields: Record<string, unknown>): Parsed {
  const values = postedValues(fields);
  const parsed = v.safeParse(AssignmentSchema, fields);
  if (parsed.success) return { ok: true, fields: fieldsOf(parsed.output), values };
  const nested = v.flatten<typeof AssignmentSchema>(parsed.issues).nested ?? {};
  const first = (k: keyof AssignmentFormValues) => nested[k]?.[0];
  return { ok: false, state: { values, errors: { title: first('title'), slug: first('slug'), context: first('context'), release: first('release'), rubric_version: first('rubric_version'), prompt_version: first('prompt_version') } } };
}

function formFailed(c: Ctx, state: AssignmentFormState, current?: Assignment) {
  if (wantsJson(c)) return c.json({ error: 'The assignment was not saved.', fields: state.errors }, 422);
  return current ? renderAssignmentPage(c, current, { edit: state }, 422) : renderAssignmentsPage(c, state, 422);
}

/** GET /admin/assignments — the assignments this staff member runs (also JSON), and the create form. */
export function listAssignments(c: Ctx) {
  if (wantsJson(c)) return c.json({ assignments: listAssignmentSummariesFor(c.var.deps.db, c.var.user!) });
  return renderAssignmentsPage(c);
}

/** POST /admin/assignments — a new assignment, owned by whoever creates it. */
export async function createAssignment(c: Ctx) {
  const form = await readForm(c);
  if (!form.ok) return form.response;
  const parsed = parseAssignmentForm(form.fields);
  if (!parsed.ok) return formFailed(c, parsed.state);
  const res = createNewAssignment(c.var.deps.db, actingUser(c), parsed.fields);
  if (!res.ok) return formFailed(c, { values: parsed.values, errors: problemErrors(res.problems, parsed.fields.slug) });
  return done(c, `Created the assignment ${parsed.fields.title}. Students open it at /a/${parsed.fields.slug}.`, `/admin/assignments/${res.id}`);
}

/** GET /admin/assignments/:id — its settings, co-teachers (and, later, analytics). */
export function showAssignment(c: Ctx) {
  const a = taughtAssignment(c);
  if (!a) return assignmentNotFound(c);
  if (wantsJson(c)) return c.json({ assignment: a });
  return renderAssignmentPage(c, a);
}

/** POST /admin/assignments/:id — changes its settings. */
export async function updateAssignment(c: Ctx) {
  const a = taughtAssignment(c);
  if (!a) return assignmentNotFound(c);
  const form = await readForm(c);
  if (!form.ok) return form.response;
  const parsed = parseAssignmentForm(form.fields);
  if (!parsed.ok) return formFailed(c, parsed.state, a);
  const res = updateStoredAssignment(c.var.deps.db, actingUser(c), a, parsed.fields);
  if (!res.ok) return formFailed(c, { values: parsed.values, errors: problemErrors(res.problems, parsed.fields.slug) }, a);
  return done(c, `Saved the assignment ${parsed.fields.title}.`, `/admin/assignments/${a.id}`);
}

const CO_TEACHER_ERRORS = {
  unknown: 'There is no active account with this username.',
  'not-staff': 'Only instructors and administrators can co-teach. Change the account’s role on the users page first.',
  owner: 'This account owns the assignment already.',
} as const;

/** A co-teacher change's answer: 422 with the reason beside the field, or a flash and 303 back. */
function coTeacherAnswer(c: Ctx, a: Assignment, res: CoTeacherChange, typed: string, verb: 'added' | 'removed') {
  if (!res.ok) {
    if (wantsJson(c)) return c.json({ error: CO_TEACHER_ERRORS[res.error] }, 422);
    return renderAssignmentPage(c, a, { add: { username: typed, error: CO_TEACHER_ERRORS[res.error] } }, 422);
  }
  const message = res.changed ? `${res.username} ${verb}.` : `${res.username} was ${verb === 'added' ? 'already' : 'not'} a co-teacher.`;
  return done(c, message, `/admin/assignments/${a.id}`);
}

/** POST /admin/assignments/:id/instructors — adds a co-teacher by username. */
export async function addCoTeacher(c: Ctx) {
  const a = taughtAssignment(c);
  if (!a) return assignmentNotFound(c);
  const form = await readForm(c);
  if (!form.ok) return form.response;
  const username = typeof form.fields.username === 'string' ? form.fields.username.trim() : '';
  return coTeacherAnswer(c, a, addAssignmentCoTeacher(c.var.deps.db, actingUser(c), a, username), username, 'added');
}

/** POST /admin/assignments/:id/instructors/:userId/remove — removes a co-teacher. */
export function removeCoTeacher(c: Ctx) {
  const a = taughtAssignment(c);
  if (!a) return assignmentNotFound(c);
  const res = removeAssignmentCoTeacher(c.var.deps.db, actingUser(c), a, c.req.param('userId') ?? '');
  return coTeacherAnswer(c, a, res, '', 'removed');
}
