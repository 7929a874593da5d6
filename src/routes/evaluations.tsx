import { findWriterEvaluation, retryFailedEvaluation, type EvaluationView } from '../db/queries/evaluations.ts';
import { readEvaluationPage, type PanelContext } from '../evaluations/evaluation-page.ts';
import { isHtmx, wantsJson, type Ctx } from '../http/context.ts';
import { errorResponse } from '../http/errors.tsx';
import { idParam } from '../http/id-param.ts';
import { pageContext } from '../http/page-context.ts';
import { redirectAfterPost, renderFragment, renderPage } from '../http/render.ts';
import { EvaluationPage } from '../views/pages/evaluation.tsx';
import { EvaluationPanel, type PanelProps } from '../views/partials/evaluation-panel.tsx';

/** The `:id` and the signed-in writer (someone else's evaluation then answers 404 like a missing one). */
function ownKey(c: Ctx): { id: number; writerId: string } | undefined {
  const id = idParam(c.req.param('id'));
  const user = c.var.user;
  return id === undefined || !user ? undefined : { id, writerId: user.id };
}

/** The clock, provider pause and language a panel is rendered with. */
function panelContext(c: Ctx): PanelContext {
  const { now, gate } = c.var.deps;
  return { now: now(), providerPaused: gate.pausedUntil > 0, i18n: c.var.i18n };
}

/** JSON shape of GET /evaluations/:id. */
function evaluationJson(e: EvaluationView, p: PanelProps) {
  return {
    id: e.id,
    status: e.status,
    submittedAt: new Date(e.createdAt).toISOString(),
    memo: e.memo,
    ...(p.state === 'pending' ? { queuePosition: p.position ?? null, elapsedMs: p.elapsedMs, expectedMs: p.expectedMs ?? null, waitingForProvider: p.waitingForProvider } : {}),
    ...(p.state === 'done' ? { finishedAt: new Date(p.finishedAt).toISOString(), result: p.result, revisionOf: p.revision ? { evaluationId: p.revision.parentEvaluationId, ...p.revision.comparison } : null } : {}),
    ...(p.state === 'failed' ? { error: { kind: e.errorKind, message: p.message }, retryUrl: `/evaluations/${e.id}/retry` } : {}),
  };
}

/** GET /evaluations/:id — pending, result or failure; page, htmx fragment or JSON. */
export function showEvaluation(c: Ctx) {
  const key = ownKey(c);
  const model = key && readEvaluationPage(c.var.deps.db, key.id, key.writerId, panelContext(c));
  if (!model) return errorResponse(c, 404);
  const { evaluation: e, panel } = model;
  c.header('Cache-Control', 'no-store');
  if (wantsJson(c)) return c.json(evaluationJson(e, panel));
  if (isHtmx(c)) return renderFragment(c, <EvaluationPanel {...panel} />);
  return renderPage(c, <EvaluationPage ctx={pageContext(c)} panel={panel} />);
}

/** POST /evaluations/:id/retry — a failed evaluation goes back to the queue; 303 to its page. */
export function retryEvaluation(c: Ctx) {
  const { db, now, queue } = c.var.deps;
  const key = ownKey(c);
  const e = key && findWriterEvaluation(db, key.id, key.writerId);
  if (!e) return errorResponse(c, 404);
  const requeued = retryFailedEvaluation(db, e.id, now());
  if (requeued) queue.notify();
  if (wantsJson(c)) return c.json({ id: e.id, status: requeued ? 'queued' : e.status, url: `/evaluations/${e.id}` }, requeued ? 202 : 200);
  return redirectAfterPost(c, `/evaluations/${e.id}`, isHtmx(c));
}
