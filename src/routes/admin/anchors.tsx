import type { ContentfulStatusCode } from 'hono/utils/http-status';
import * as v from 'valibot';
import {
  anchorOverview,
  anchorPageData,
  anchorSaveProblems,
  anchorVersionText,
  newAnchorTemplate,
  removeAnchor as removeStoredAnchor,
  restoreAnchor as restoreStoredAnchor,
  saveAnchor as saveStoredAnchor,
  type AnchorDeps,
  type AnchorPageData,
  type AnchorSaveResult,
} from '../../calibration/anchor-edits.ts';
import { issueText } from '../../config-versions/versions.ts';
import type { Assignment } from '../../db/schema.ts';
import { actingUser } from '../../http/acting.ts';
import { wantsJson, type Ctx } from '../../http/context.ts';
import { errorResponse } from '../../http/errors.tsx';
import { readForm } from '../../http/form.ts';
import { pageContext } from '../../http/page-context.ts';
import { renderPage } from '../../http/render.ts';
import { normalizeNewlines } from '../../text/newlines.ts';
import { formatDate } from '../../views/format.ts';
import { AnchorEditPage } from '../../views/pages/admin/anchor-edit-page.tsx';
import { AnchorsPage } from '../../views/pages/admin/anchors-page.tsx';
import { AnchorVersionPage } from '../../views/pages/admin/anchor-version-page.tsx';
import { assignmentNotFound, taughtAssignment } from './assignment-pages.tsx';
import { ConfigSaveSchema } from './config.tsx';
import { done } from './users-shared.tsx';

/** The anchor form is the config editor's: the whole YAML (checked by the domain after this) and a required note. */
export const AnchorSaveSchema = ConfigSaveSchema;

const str = (x: unknown) => (typeof x === 'string' ? x : '');
const depsOf = (c: Ctx): AnchorDeps => ({ db: c.var.deps.db, store: c.var.deps.config });
const listPath = (a: Assignment) => `/admin/assignments/${a.id}/anchors`;

/** The `:anchorId` parameter, when it has an anchor id's shape. */
function anchorParam(c: Ctx): string | undefined {
  const id = c.req.param('anchorId') ?? '';
  return /^[a-z0-9][a-z0-9-]{0,63}$/.test(id) ? id : undefined;
}

type Found = { ok: true; a: Assignment; anchor: { id: string; page: AnchorPageData } } | { ok: false; response: ReturnType<typeof errorResponse> };

/** The assignment this staff member runs and its anchor `:anchorId`; else the 404 to answer. */
function taughtAnchor(c: Ctx): Found {
  const a = taughtAssignment(c);
  if (!a) return { ok: false, response: assignmentNotFound(c) };
  const id = anchorParam(c);
  const page = id === undefined ? undefined : anchorPageData(depsOf(c), a.id, id);
  if (!id || !page) return { ok: false, response: errorResponse(c, 404, 'This assignment has no anchor memo with this id. Go back to its anchor list and reload it.') };
  return { ok: true, a, anchor: { id, page } };
}

interface FormState {
  yaml: string;
  note: string;
  yamlErrors: string[];
  noteError?: string;
}

/** The editor (new anchor when `page` is undefined), fresh or as posted with its problems. */
function editPage(c: Ctx, a: Assignment, anchor: { id: string; page: AnchorPageData } | undefined, form: FormState, status: ContentfulStatusCode = 200) {
  if (status === 422 && wantsJson(c)) return c.json({ errors: form.yamlErrors, noteError: form.noteError }, 422);
  const view = anchor ? { id: anchor.id, removed: anchor.page.state.removed, history: anchor.page.history, shipped: anchor.page.shipped } : null;
  return renderPage(c, <AnchorEditPage ctx={pageContext(c)} assignment={a} anchor={view} form={form} />, status);
}

function listPage(c: Ctx, a: Assignment, problem?: string, status: ContentfulStatusCode = 200) {
  const overview = anchorOverview(depsOf(c), a.id);
  if (wantsJson(c)) return problem ? c.json({ error: problem }, status) : c.json(overview);
  return renderPage(c, <AnchorsPage ctx={pageContext(c)} assignment={a} overview={overview} problem={problem} />, status);
}

/** A refused save's problems, each as one line of the error list. */
function problemsOf(res: Extract<AnchorSaveResult, { ok: false }>): string[] {
  return res.reason === 'invalid' ? res.issues.map(issueText) : [res.message];
}

/** GET /admin/assignments/:id/anchors — the anchors in force (with misfits) and the removed ones (also JSON). */
export function listAnchors(c: Ctx) {
  const a = taughtAssignment(c);
  if (!a) return assignmentNotFound(c);
  return listPage(c, a);
}

/** GET /admin/assignments/:id/anchors/new — the editor with a template naming the rubric's criteria. */
export function newAnchorForm(c: Ctx) {
  const a = taughtAssignment(c);
  if (!a) return assignmentNotFound(c);
  return editPage(c, a, undefined, { yaml: newAnchorTemplate(depsOf(c), a.id), note: '', yamlErrors: [] });
}

/** GET /admin/assignments/:id/anchors/:anchorId — its text in force in the editor, and its versions (also JSON). */
export function editAnchor(c: Ctx) {
  const found = taughtAnchor(c);
  if (!found.ok) return found.response;
  const { a, anchor } = found;
  if (wantsJson(c)) return c.json({ id: anchor.id, ...anchor.page });
  return editPage(c, a, anchor, { yaml: anchor.page.state.yaml ?? '', note: '', yamlErrors: [] });
}

/** Validates the posted anchor and appends it as a version: 303 to the list, or 422 with the text kept. */
async function saveFromForm(c: Ctx, a: Assignment, anchor: { id: string; page: AnchorPageData } | undefined) {
  const form = await readForm(c);
  if (!form.ok) return form.response;
  const kept = { yaml: normalizeNewlines(str(form.fields.yaml)), note: str(form.fields.note) };
  const parsed = v.safeParse(AnchorSaveSchema, form.fields);
  if (!parsed.success) {
    const errs = v.flatten<typeof AnchorSaveSchema>(parsed.issues).nested ?? {};
    // Report the anchor's own problems too, so one round trip shows everything.
    const checked = errs.yaml ? undefined : anchorSaveProblems(depsOf(c), { assignment: a, anchorId: anchor?.id ?? null, ...kept });
    return editPage(c, a, anchor, { ...kept, yamlErrors: errs.yaml ?? (checked ? problemsOf(checked) : []), noteError: errs.note?.[0] }, 422);
  }
  const res = saveStoredAnchor(depsOf(c), actingUser(c), { assignment: a, anchorId: anchor?.id ?? null, ...parsed.output });
  if (!res.ok) return editPage(c, a, anchor, { ...kept, yamlErrors: problemsOf(res) }, 422);
  return done(c, `Saved anchor ${res.anchorId} as version ${res.version} for ${a.title}. The next calibration run uses it.`, listPath(a));
}

/** POST /admin/assignments/:id/anchors/new — a new anchor (its id must be new to this assignment). */
export function createAnchor(c: Ctx) {
  const a = taughtAssignment(c);
  if (!a) return assignmentNotFound(c);
  return saveFromForm(c, a, undefined);
}

/** POST /admin/assignments/:id/anchors/:anchorId — a new version of this anchor (the YAML keeps its id). */
export function updateAnchor(c: Ctx) {
  const found = taughtAnchor(c);
  return found.ok ? saveFromForm(c, found.a, found.anchor) : found.response;
}

/** GET /admin/assignments/:id/anchors/:anchorId/versions/:version — one version's text (0 = the shipped file). */
export function showAnchorVersion(c: Ctx) {
  const found = taughtAnchor(c);
  if (!found.ok) return found.response;
  const { a, anchor } = found;
  const raw = c.req.param('version') ?? '';
  const version = /^\d{1,9}$/.test(raw) ? Number(raw) : undefined;
  const text = version === undefined ? undefined : anchorVersionText(depsOf(c), a.id, anchor.id, version);
  if (version === undefined || !text) return errorResponse(c, 404, `Anchor ${anchor.id} has no version ${raw} with a text. Go back to its page for the versions it has.`);
  if (wantsJson(c)) return c.json({ id: anchor.id, version, ...text });
  const saved = text.saved && { ...text.saved, date: formatDate(text.saved.createdAt) };
  return renderPage(c, <AnchorVersionPage ctx={pageContext(c)} assignment={a} anchorId={anchor.id} version={version} yaml={text.yaml} saved={saved} />);
}

/** POST /admin/assignments/:id/anchors/:anchorId/remove — calibrations leave it out from now on (a version without text). */
export async function removeAnchor(c: Ctx) {
  const found = taughtAnchor(c);
  if (!found.ok) return found.response;
  const { a, anchor: { id } } = found;
  const form = await readForm(c);
  if (!form.ok) return form.response;
  const version = removeStoredAnchor(depsOf(c), actingUser(c), a, id, str(form.fields.note).slice(0, 200));
  return done(c, version === undefined ? `Anchor ${id} was already removed.` : `Removed anchor ${id} from ${a.title} (version ${version}). Restore it from the list below.`, listPath(a));
}

/** POST /admin/assignments/:id/anchors/:anchorId/restore — a removed anchor's last text becomes a new version. */
export function restoreAnchor(c: Ctx) {
  const found = taughtAnchor(c);
  if (!found.ok) return found.response;
  const { a, anchor: { id } } = found;
  const res = restoreStoredAnchor(depsOf(c), actingUser(c), a, id);
  if (!res.ok) return listPage(c, a, `Anchor ${id} was not restored: ${problemsOf(res).join('; ')}`, res.reason === 'not-removed' ? 409 : 422);
  return done(c, `Restored anchor ${id} as version ${res.version}.`, listPath(a));
}
