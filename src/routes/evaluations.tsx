import * as v from 'valibot';
import { findWriterEvaluation, retryFailedEvaluation, type EvaluationView } from '../db/queries/evaluations.ts';
import { writerEvaluationVersion } from '../db/queries/evaluation-version.ts';
import { MAX_FLAG_REASON, readEvaluationPage, type PanelContext } from '../evaluations/evaluation-page.ts';
import { flagResult, mayFlag } from '../evaluations/flags.ts';
import { isHtmx, wantsJson, type Ctx } from '../http/context.ts';
import { errorResponse } from '../http/errors.tsx';
import { hasFlash, setFlash } from '../http/flash.ts';
import { pageTag, revalidate } from '../http/conditional.ts';
import { renderCachedPage } from '../http/page-cache.ts';
import { readForm } from '../http/form.ts';
import { idParam } from '../http/id-param.ts';
import { layoutKey, pageContext, type PageContext } from '../http/page-context.ts';
import { redirectAfterPost, renderFragment, renderPage } from '../http/render.ts';
import type { MessageKey } from '../i18n/index.ts';
import { normalizeNewlines } from '../text/newlines.ts';
import { EvaluationPage } from '../views/pages/evaluation.tsx';
import { EvaluationFragment } from '../views/partials/evaluation-fragment.tsx';
import type { PanelProps } from '../views/partials/evaluation-panel.tsx';

/** The `:id` and the signed-in writer (someone else's evaluation then answers 404 like a missing one). */
function ownKey(c: Ctx): { id: number; writerId: string } | undefined {
  const id = idParam(c.req.param('id'));
  const user = c.get('user');
  return id === undefined || !user ? undefined : { id, writerId: user.id };
}

/** The clock, provider pause and language a panel is rendered with. */
function panelContext(c: Ctx): PanelContext {
  const { now, gate, config } = c.get('deps');
  return { now: now(), providerPaused: gate.pausedUntil > 0, i18n: c.get('i18n'), spreadNoteThreshold: config.current.files.llm.spread_note_threshold };
}

/** The flag form: a reason, required, at most MAX_FLAG_REASON characters; messages are catalog keys. */
export const FlagFormSchema = v.object({
  reason: v.pipe(v.string('flag.empty'), v.transform(normalizeNewlines), v.trim(), v.nonEmpty('flag.empty'), v.maxLength(MAX_FLAG_REASON, 'flag.tooLong')),
});

/** JSON of a done result: held for review (no result at all), or the result the writer sees; while running, the criteria so far. */
function resultJson(p: PanelProps) {
  if (p.state === 'pending' && p.partial) return { result: { criteria: p.partial.criteria.filter((c) => c.score !== undefined) } };
  if (p.state === 'review') return { finishedAt: new Date(p.finishedAt).toISOString(), release: 'pending_review' };
  if (p.state !== 'done') return {};
  const revisionOf = p.revision ? { evaluationId: p.revision.parentEvaluationId, ...p.revision.comparison } : null;
  const review = p.review ? { note: p.review.note } : null;
  const readings = { readings: p.readings.readings, ...(p.readings.variedBy !== undefined ? { scoresVariedBy: p.readings.variedBy } : {}) };
  return { finishedAt: new Date(p.finishedAt).toISOString(), release: p.review ? 'released' : 'immediate', reviewed: p.review !== undefined, result: p.result, ...readings, review, flag: p.flag.status, revisionOf };
}

/** JSON shape of GET /evaluations/:id. */
function evaluationJson(e: EvaluationView, p: PanelProps) {
  return {
    id: e.id,
    status: e.status,
    submittedAt: new Date(e.createdAt).toISOString(),
    memo: e.memo,
    ...(p.state === 'pending' ? { queuePosition: p.position ?? null, elapsedMs: p.elapsedMs, expectedMs: p.expectedMs ?? null, waitingForProvider: p.waitingForProvider } : {}),
    ...resultJson(p),
    ...(p.state === 'failed' ? { error: { kind: e.errorKind, message: p.message }, retryUrl: `/evaluations/${e.id}/retry` } : {}),
  };
}

/** A finished (done or failed) evaluation's full page: its ETag and layout; undefined for other answers, which are not stored. */
function finishedPage(c: Ctx, key: { id: number; writerId: string }): { tag: string; ctx: PageContext } | 'missing' | undefined {
  const v = writerEvaluationVersion(c.get('deps').db, key.id, key.writerId);
  if (!v) return 'missing';
  if ((v.status !== 'done' && v.status !== 'failed') || wantsJson(c) || isHtmx(c) || hasFlash(c)) return undefined;
  const ctx = pageContext(c);
  // The readings note depends on llm.yaml's threshold, which an admin may change without touching the row.
  const threshold = c.get('deps').config.current.files.llm.spread_note_threshold;
  return { tag: pageTag(layoutKey(ctx), `${v.version}/${threshold}`), ctx };
}

/** GET /evaluations/:id — pending, result or failure; page, htmx fragment or JSON. A finished page answers 304 while unchanged. */
export function showEvaluation(c: Ctx) {
  const key = ownKey(c);
  const page = key && finishedPage(c, key);
  if (!key || page === 'missing') return errorResponse(c, 404);
  if (page) return revalidate(c, page.tag) ?? renderCachedPage(c, page.tag, () => <EvaluationPage ctx={page.ctx} panel={readEvaluationPage(c.get('deps').db, key.id, key.writerId, panelContext(c))!.panel} />);
  const model = readEvaluationPage(c.get('deps').db, key.id, key.writerId, panelContext(c));
  if (!model) return errorResponse(c, 404);
  const { evaluation: e, panel } = model;
  c.header('Cache-Control', 'no-store');
  if (wantsJson(c)) return c.json(evaluationJson(e, panel));
  if (isHtmx(c)) return renderFragment(c, <EvaluationFragment panel={panel} i18n={c.var.i18n} />);
  return renderPage(c, <EvaluationPage ctx={pageContext(c)} panel={panel} />);
}

/** POST /evaluations/:id/retry — a failed evaluation goes back to the queue; 303 to its page. */
export function retryEvaluation(c: Ctx) {
  const { db, now, queue } = c.get('deps');
  const key = ownKey(c);
  const e = key && findWriterEvaluation(db, key.id, key.writerId);
  if (!e) return errorResponse(c, 404);
  const requeued = retryFailedEvaluation(db, e.id, now());
  if (requeued) queue.notify();
  if (wantsJson(c)) return c.json({ id: e.id, status: requeued ? 'queued' : e.status, url: `/evaluations/${e.id}` }, requeued ? 202 : 200);
  return redirectAfterPost(c, `/evaluations/${e.id}`, isHtmx(c));
}

/** The evaluation page again with the flag form's reason and error (422). */
function flagRejected(c: Ctx, key: { id: number; writerId: string }, reason: string, message: string) {
  const { t, int } = c.get('i18n');
  const error = t(message as MessageKey, { count: int([...normalizeNewlines(reason).trim()].length), max: int(MAX_FLAG_REASON) });
  if (wantsJson(c)) return c.json({ error, field: 'reason' }, 422);
  const model = readEvaluationPage(c.get('deps').db, key.id, key.writerId, { ...panelContext(c), flagForm: { reason, error } });
  return renderPage(c, <EvaluationPage ctx={pageContext(c)} panel={model!.panel} />, 422);
}

/** POST /evaluations/:id/flag — the writer tells the instructor a result they can see seems wrong; 303 back with a flash. */
export async function flagEvaluation(c: Ctx) {
  const form = await readForm(c);
  if (!form.ok) return form.response;
  const { db, now } = c.get('deps');
  const key = ownKey(c);
  const model = key && readEvaluationPage(db, key.id, key.writerId, panelContext(c));
  if (!key || !mayFlag(model)) return errorResponse(c, 404);
  const reason = typeof form.fields.reason === 'string' ? form.fields.reason : '';
  const parsed = v.safeParse(FlagFormSchema, { reason });
  if (!parsed.success) return flagRejected(c, key, reason, parsed.issues[0].message);
  flagResult(db, model, parsed.output.reason, now());
  if (wantsJson(c)) return c.json({ id: key.id, flagged: true, url: `/evaluations/${key.id}` }, 201);
  setFlash(c, c.get('i18n').t('flag.flash'));
  return redirectAfterPost(c, `/evaluations/${key.id}`, isHtmx(c));
}
