import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { CalibrationDeps, StartProblem } from '../../calibration/run.ts';
import { calibratableAssignments, configLabel, runsPage } from '../../calibration/run-view.ts';
import { DEFAULT_ASSIGNMENT_SLUG } from '../../db/queries/assignments.ts';
import { wantsJson, type Ctx } from '../../http/context.ts';
import { pageContext } from '../../http/page-context.ts';
import { renderPage } from '../../http/render.ts';
import { CalibrationRunsPage } from '../../views/pages/admin/calibration-runs-page.tsx';
import type { CalibrationFormState } from '../../views/partials/admin/calibration-form-state.ts';

// HTTP helpers shared by the /admin/calibration handlers; the rules are in src/calibration/.

/** What a run needs from the app's dependencies. */
export function calibrationDeps(c: Ctx): CalibrationDeps {
  const { db, config, now, log, gate, calibrations } = c.var.deps;
  return { db, config, now, log, gate, runs: calibrations };
}

/** The form as first shown: the default assignment, llm.yaml's calibration samples, no draft. */
export function emptyForm(c: Ctx): CalibrationFormState {
  const samples = c.var.deps.config.current.files.llm.calibration.samples;
  return { values: { assignment: c.req.query('assignment') ?? DEFAULT_ASSIGNMENT_SLUG, samples: String(samples), draft: c.req.query('draft') ?? '', batch: false }, errors: {} };
}

/** The runs list with the form (empty, or as posted with its errors, or with a 409's conflict). */
export function renderRunsPage(c: Ctx, form: CalibrationFormState, status: ContentfulStatusCode = 200, conflict?: { message: string; runId: number }) {
  const { db } = c.var.deps;
  const user = c.var.user!;
  const { rows, page, pages, total } = runsPage(db, user, c.req.query('page'));
  const configs = Object.fromEntries(rows.map((r) => [r.id, configLabel(r)]));
  const page_ = <CalibrationRunsPage ctx={pageContext(c)} listing={{ rows, configs, page, pages, total }} form={form} assignments={calibratableAssignments(db, user)} drafts={user.role === 'admin'} conflict={conflict} />;
  return renderPage(c, page_, status);
}

/** The runs list as JSON: one page, newest first, with the headline figures. */
export function runsJson(c: Ctx) {
  const { rows, page, pages, total } = runsPage(c.var.deps.db, c.var.user!, c.req.query('page'));
  const runs = rows.map((r) => ({ id: r.id, assignment: r.assignmentSlug, config: configLabel(r), draft: r.draftName ? { name: r.draftName, version: r.draftVersion } : null, samples: r.samples, status: r.status, readingsDone: r.readingsDone, readingsTotal: r.readingsTotal, hitRate: r.hitRate, meanSpread: r.meanSpread, costUsd: r.costUsd, startedBy: r.startedByName, createdAt: new Date(r.createdAt).toISOString() }));
  return c.json({ runs, page, pages, total });
}

/** Which field a refusal belongs beside. */
const FIELD: Record<Exclude<StartProblem['kind'], 'running'>, keyof CalibrationFormState['errors']> = { assignment: 'assignment', 'no-anchors': 'assignment', config: 'assignment', draft: 'draft' };

/** A run that was not started (`fieldErrors`: the form's own checks): 409 (one already going, with a link) or 422 with the reason beside its field. */
export function startRefused(c: Ctx, values: CalibrationFormState['values'], p: StartProblem, fieldErrors?: CalibrationFormState['errors']) {
  const status = p.kind === 'running' ? 409 : 422;
  const errors = fieldErrors ?? (p.kind === 'running' ? {} : { [FIELD[p.kind]]: p.message });
  if (wantsJson(c)) return c.json({ error: p.message || 'The run was not started.', fields: errors, ...(p.kind === 'running' ? { runId: p.runId, run: `/admin/calibration/${p.runId}` } : {}) }, status);
  if (p.kind === 'running') return renderRunsPage(c, { values, errors: {} }, 409, { message: p.message, runId: p.runId });
  return renderRunsPage(c, { values, errors }, 422);
}
