import { findWriterEvaluation, queuePosition, recentAverageDurationMs, retryFailedEvaluation, type EvaluationView } from '../db/queries/evaluations.ts';
import type { AppDeps } from '../http/context.ts';
import { isHtmx, wantsJson, type Ctx } from '../http/context.ts';
import { errorResponse } from '../http/errors.tsx';
import { pageContext } from '../http/page-context.ts';
import { redirectAfterPost, renderFragment, renderPage } from '../http/render.ts';
import type { EvaluationResult } from '../llm/evaluate.ts';
import { studentMessage } from '../llm/messages.ts';
import type { I18n } from '../i18n/index.ts';
import { findParentResult } from '../db/queries/history.ts';
import { compareResults, textChanges } from '../evaluations/revisions.ts';
import type { Revision } from '../views/partials/revision-comparison.tsx';
import type { ErrorKind } from '../llm/types.ts';
import { EvaluationPage } from '../views/pages/evaluation.tsx';
import { EvaluationPanel, type PanelProps } from '../views/partials/evaluation-panel.tsx';

function parseId(raw: string | undefined): number | undefined {
  return raw && /^\d{1,15}$/.test(raw) ? Number(raw) : undefined;
}

/** The writer's own evaluation, or undefined (another writer's answers 404 like a missing one). */
function loadOwn(c: Ctx): EvaluationView | undefined {
  const id = parseId(c.req.param('id'));
  const user = c.var.user;
  if (id === undefined || !user) return undefined;
  return findWriterEvaluation(c.var.deps.db, id, user.id);
}

/** Turns a row into the props of the panel for its state. */
export function panelProps(deps: AppDeps, e: EvaluationView, i18n: I18n): PanelProps {
  if (e.status === 'done' && e.resultJson) {
    const result = JSON.parse(e.resultJson) as EvaluationResult;
    return { state: 'done', id: e.id, submissionId: e.submissionId, memo: e.memo, result, finishedAt: e.finishedAt ?? e.createdAt, revision: revisionOf(deps, e, result), i18n };
  }
  if (e.status === 'failed') {
    return { state: 'failed', id: e.id, submissionId: e.submissionId, memo: e.memo, message: studentMessage(e.errorKind as ErrorKind | null, i18n.t), i18n };
  }
  const now = deps.now();
  return {
    state: 'pending',
    id: e.id,
    status: e.status === 'running' ? 'running' : 'queued',
    position: e.status === 'queued' ? queuePosition(deps.db, e.id) : undefined,
    elapsedMs: now - e.queuedAt,
    runningMs: e.status === 'running' && e.startedAt ? now - e.startedAt : undefined,
    expectedMs: recentAverageDurationMs(deps.db),
    waitingForProvider: e.status === 'queued' && ((e.notBefore !== null && e.notBefore > now) || deps.gate.pausedUntil > 0),
    i18n,
  };
}

/** For a revision: how it scored and what changed against the finished version it revises. */
function revisionOf(deps: AppDeps, e: EvaluationView, result: EvaluationResult): Revision | undefined {
  if (e.parentId === null) return undefined;
  const parent = findParentResult(deps.db, e.parentId, e.writerId);
  if (!parent) return undefined;
  return { parentEvaluationId: parent.evaluationId, comparison: compareResults(JSON.parse(parent.resultJson) as EvaluationResult, result), changes: textChanges(parent.text, e.memo) };
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
  const e = loadOwn(c);
  if (!e) return errorResponse(c, 404);
  const panel = panelProps(c.var.deps, e, c.var.i18n);
  c.header('Cache-Control', 'no-store');
  if (wantsJson(c)) return c.json(evaluationJson(e, panel));
  if (isHtmx(c)) return renderFragment(c, <EvaluationPanel {...panel} />);
  return renderPage(c, <EvaluationPage ctx={pageContext(c)} panel={panel} />);
}

/** POST /evaluations/:id/retry — a failed evaluation goes back to the queue; 303 to its page. */
export function retryEvaluation(c: Ctx) {
  const e = loadOwn(c);
  if (!e) return errorResponse(c, 404);
  const { db, now, queue } = c.var.deps;
  const requeued = retryFailedEvaluation(db, e.id, now());
  if (requeued) queue.notify();
  if (wantsJson(c)) return c.json({ id: e.id, status: requeued ? 'queued' : e.status, url: `/evaluations/${e.id}` }, requeued ? 202 : 200);
  return redirectAfterPost(c, `/evaluations/${e.id}`, isHtmx(c));
}
