import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { analyticsOfAssignment } from '../../assignments/analytics.ts';
import { shippedAnchorsIn } from '../../calibration/anchors.ts';
import { effectiveAnchors } from '../../calibration/effective-anchors.ts';
import { MAX_CONTEXT_CHARS } from '../../assignments/manage.ts';
import { canTeach, DEFAULT_ASSIGNMENT_SLUG, findAssignment, listAssignmentSummariesFor, listCoTeachers } from '../../db/queries/assignments.ts';
import { listPublishedVersions } from '../../db/queries/config-versions.ts';
import { findUserById } from '../../db/queries/users.ts';
import type { Assignment } from '../../db/schema.ts';
import type { Ctx } from '../../http/context.ts';
import { errorResponse } from '../../http/errors.tsx';
import { idParam } from '../../http/id-param.ts';
import { pageContext } from '../../http/page-context.ts';
import { renderPage } from '../../http/render.ts';
import { formatDate } from '../../views/format.ts';
import { AssignmentPage } from '../../views/pages/admin/assignment-page.tsx';
import { AssignmentsPage } from '../../views/pages/admin/assignments-page.tsx';
import type { AssignmentFormState, AssignmentFormValues } from '../../views/partials/admin/assignment-form-state.ts';
import type { VersionOption } from '../../views/partials/admin/version-select.tsx';
import { AnalyticsSection } from '../../views/partials/admin/analytics-section.tsx';

// HTTP helpers shared by the /admin/assignments handlers; the rules are in src/assignments/manage.ts.

/** Newest stored versions offered for pinning (older ones stay pinned where they are, shown by number). */
const VERSION_CHOICES = 50;

/** The published versions of one config as pinning choices, with the shipped file (0) last. */
function versionOptions(c: Ctx, name: 'rubric' | 'prompt', pinned: string): VersionOption[] {
  const stored = listPublishedVersions(c.var.deps.db, name, VERSION_CHOICES).map((v) => ({ value: String(v.version), label: `v${v.version}${v.note ? ` — ${v.note}` : ''} (${formatDate(v.createdAt)})` }));
  const options = [...stored, { value: '0', label: 'v0 — the shipped file' }];
  // A pinned version older than the list (or one typed by hand) is still shown as chosen.
  return pinned === '' || options.some((o) => o.value === pinned) ? options : [...options, { value: pinned, label: `v${pinned}` }];
}

function versionChoices(c: Ctx, values: AssignmentFormValues) {
  return { rubric: versionOptions(c, 'rubric', values.rubric_version), prompt: versionOptions(c, 'prompt', values.prompt_version) };
}

/** An empty create form: open, immediate release, nothing pinned. */
const EMPTY: AssignmentFormState = { values: { title: '', slug: '', context: '', release: 'immediate', open: true, rubric_version: '', prompt_version: '' }, errors: {} };

/** The list page with the create form (empty, or as posted with its errors). */
export function renderAssignmentsPage(c: Ctx, create: AssignmentFormState = EMPTY, status: ContentfulStatusCode = 200) {
  const assignments = listAssignmentSummariesFor(c.var.deps.db, c.var.user!);
  const page = <AssignmentsPage ctx={pageContext(c)} assignments={assignments} create={create} versions={versionChoices(c, create.values)} maxContext={MAX_CONTEXT_CHARS} />;
  return renderPage(c, page, status);
}

/** A stored assignment as its edit form shows it. */
export function storedValues(a: Assignment): AssignmentFormValues {
  const pin = (v: number | null) => (v === null ? '' : String(v));
  return { title: a.title, slug: a.slug, context: a.context, release: a.release, open: a.open, rubric_version: pin(a.rubricVersion), prompt_version: pin(a.promptVersion) };
}

export interface AssignmentPageExtras {
  edit?: AssignmentFormState;
  add?: { username: string; error?: string };
}

/** One assignment's page: its edit form (stored, or as posted with errors) and its co-teachers. */
export function renderAssignmentPage(c: Ctx, a: Assignment, extras: AssignmentPageExtras = {}, status: ContentfulStatusCode = 200) {
  const { db } = c.var.deps;
  const edit = extras.edit ?? { values: storedValues(a), errors: {} };
  const ownerName = a.ownerId ? (findUserById(db, a.ownerId)?.username ?? null) : null;
  const coTeachers = { ownerName, coTeachers: listCoTeachers(db, a.id), add: extras.add ?? { username: '' } };
  const fixedSlug = a.slug === DEFAULT_ASSIGNMENT_SLUG;
  const analytics = analyticsOfAssignment(db, c.var.deps.config, a.id);
  const anchorCount = effectiveAnchors(db, a.id, shippedAnchorsIn(c.var.deps.config.env.configDir)).length;
  const page = (
    <AssignmentPage ctx={pageContext(c)} assignment={a} anchorCount={anchorCount} edit={edit} versions={versionChoices(c, edit.values)} fixedSlug={fixedSlug} maxContext={MAX_CONTEXT_CHARS} coTeachers={coTeachers}>
      <AnalyticsSection analytics={analytics} />
    </AssignmentPage>
  );
  return renderPage(c, page, status);
}

/** The assignment `:id` names, if the signed-in staff member runs it; anything else is "not found". */
export function taughtAssignment(c: Ctx): Assignment | undefined {
  const id = idParam(c.req.param('id'));
  const a = id === undefined ? undefined : findAssignment(c.var.deps.db, id);
  return a && canTeach(c.var.deps.db, a.id, c.var.user!) ? a : undefined;
}

/** 404 for an assignment that doesn't exist or that this instructor doesn't run (the same answer, on purpose). */
export function assignmentNotFound(c: Ctx) {
  return errorResponse(c, 404, 'There is no assignment with this address that you run. Go back to the assignments page and reload it.');
}
