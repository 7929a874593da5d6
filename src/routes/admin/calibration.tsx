import * as v from 'valibot';
import { calibrationCsv, calibrationJson } from '../../calibration/export.ts';
import { readRunView } from '../../calibration/run-view.ts';
import { startCalibrationRun } from '../../calibration/run.ts';
import { parseDraftRef, type DraftRef } from '../../config-versions/drafts.ts';
import { canTeach, findAssignmentBySlug } from '../../db/queries/assignments.ts';
import { wantsJson, type Ctx } from '../../http/context.ts';
import { errorResponse, notFound } from '../../http/errors.tsx';
import { setFlash } from '../../http/flash.ts';
import { readForm } from '../../http/form.ts';
import { idParam } from '../../http/id-param.ts';
import { pageContext } from '../../http/page-context.ts';
import { renderPage } from '../../http/render.ts';
import { CalibrationRunPage } from '../../views/pages/admin/calibration-run-page.tsx';
import type { CalibrationFormState } from '../../views/partials/admin/calibration-form-state.ts';
import { calibrationDeps, emptyForm, renderRunsPage, runsJson, startRefused } from './calibration-pages.tsx';

/** Most readings per anchor a run may ask for. */
export const MAX_SAMPLES = 20;

const SAMPLES_ERROR = `Enter a whole number from 1 to ${MAX_SAMPLES}.`;

/** The "Run calibration" form: shape only; unknown assignments, drafts and anchors are the domain's rules. */
export const CalibrationSchema = v.object({
  assignment: v.pipe(v.string('Choose an assignment.'), v.trim(), v.nonEmpty('Choose an assignment.')),
  /** Left out (the config page's "Calibrate this draft" form): llm.yaml's calibration.samples. */
  samples: v.optional(v.pipe(v.string('Enter a number.'), v.trim(), v.regex(/^\d{1,3}$/, SAMPLES_ERROR), v.transform(Number), v.minValue(1, SAMPLES_ERROR), v.maxValue(MAX_SAMPLES, SAMPLES_ERROR))),
  batch: v.optional(v.string()),
  draft: v.optional(v.pipe(v.string(), v.trim(), v.check((s) => s === '' || parseDraftRef(s) !== undefined, 'Write the draft as name:version, e.g. prompt:7.')), ''),
});

type Parsed = { ok: true; slug: string; samples: number | undefined; draft: DraftRef | undefined; batch: boolean } | { ok: false; errors: CalibrationFormState['errors'] };

function parseCalibrationForm(fields: Record<string, unknown>): Parsed {
  const parsed = v.safeParse(CalibrationSchema, fields);
  if (parsed.success) return { ok: true, slug: parsed.output.assignment, samples: parsed.output.samples, draft: parseDraftRef(parsed.output.draft), batch: parsed.output.batch !== undefined };
  const nested = v.flatten<typeof CalibrationSchema>(parsed.issues).nested ?? {};
  return { ok: false, errors: { assignment: nested.assignment?.[0], samples: nested.samples?.[0], draft: nested.draft?.[0] } };
}

function postedValues(f: Record<string, unknown>): CalibrationFormState['values'] {
  const s = (k: string) => (typeof f[k] === 'string' ? (f[k] as string).trim() : '');
  return { assignment: s('assignment'), samples: s('samples'), draft: s('draft'), batch: f.batch !== undefined };
}

/** GET /admin/calibration — the runs this staff member may see, newest first, and the form (also JSON). */
export function listCalibrationRuns(c: Ctx) {
  if (wantsJson(c)) return runsJson(c);
  return renderRunsPage(c, emptyForm(c));
}

/** POST /admin/calibration — starts a run and goes to its page. */
export async function createCalibrationRun(c: Ctx) {
  const form = await readForm(c);
  if (!form.ok) return form.response;
  const values = postedValues(form.fields);
  const p = parseCalibrationForm(form.fields);
  if (!p.ok) return startRefused(c, values, { kind: 'assignment', message: '' }, p.errors);
  const { db } = c.var.deps;
  const user = c.var.user!;
  const a = findAssignmentBySlug(db, p.slug);
  if (!a) return startRefused(c, values, { kind: 'assignment', message: `There is no assignment with the slug ${p.slug}.` });
  if (!canTeach(db, a.id, user)) return notFound(c);
  if (p.draft && user.role !== 'admin') return errorResponse(c, 403, 'Only administrators can calibrate a config draft.');
  const samples = p.samples ?? c.var.deps.config.current.files.llm.calibration.samples;
  const res = startCalibrationRun(calibrationDeps(c), { assignmentId: a.id, samples, draft: p.draft, mode: p.batch ? 'batch' : 'direct', startedBy: { id: user.id, username: user.username ?? user.id } });
  if (!res.ok) return startRefused(c, values, res.problem);
  if (wantsJson(c)) return c.json({ id: res.id, run: `/admin/calibration/${res.id}` }, 201);
  setFlash(c, `Calibration run ${res.id} started: ${res.anchors} anchor${res.anchors === 1 ? '' : 's'} × ${samples} readings.`);
  return c.redirect(`/admin/calibration/${res.id}`, 303);
}

/** GET /admin/calibration/:id — progress, then the report (also JSON). */
export function showCalibrationRun(c: Ctx) {
  const id = idParam(c.req.param('id'));
  const view = id === undefined ? undefined : readRunView(c.var.deps.db, id, c.var.user!);
  if (!view) return notFound(c);
  if (wantsJson(c)) return c.json(calibrationJson(view));
  return renderPage(c, <CalibrationRunPage ctx={pageContext(c)} view={view} />);
}

/** GET /admin/calibration/:id.csv — one row per anchor × criterion (and overall). */
export function exportCalibrationCsv(c: Ctx) {
  const id = idParam(c.req.param('id')?.replace(/\.csv$/, ''));
  const view = id === undefined ? undefined : readRunView(c.var.deps.db, id, c.var.user!);
  if (!view) return notFound(c);
  return c.body(calibrationCsv(view), 200, { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="calibration-run-${view.run.id}.csv"` });
}
