import type { Db } from '../db/client.ts';
import { findWriterEvaluation, queuePosition, recentAverageDurationMs, type EvaluationView } from '../db/queries/evaluations.ts';
import { findParentResult } from '../db/queries/history.ts';
import type { I18n } from '../i18n/index.ts';
import { studentMessage } from '../llm/messages.ts';
import type { ErrorKind } from '../llm/types.ts';
import type { PanelProps } from '../views/partials/evaluation-panel.tsx';
import type { Revision } from '../views/partials/revision-comparison.tsx';
import { readResult, type EvaluationResult } from './result.ts';
import { compareResults, textChanges } from './revisions.ts';

/** What a panel needs besides the stored row: the time, whether the provider pauses the queue, the language. */
export interface PanelContext {
  now: number;
  providerPaused: boolean;
  i18n: I18n;
}

/** The student's evaluation page: the row (for JSON and retry links) and the panel for its state. */
export interface EvaluationPageModel {
  evaluation: EvaluationView;
  panel: PanelProps;
}

/**
 * The writer's own evaluation with its panel; undefined when there is none or it is another
 * writer's (both answer 404). Throws CorruptResultError when a stored result does not read.
 */
export function readEvaluationPage(db: Db, id: number, writerId: string, ctx: PanelContext): EvaluationPageModel | undefined {
  const evaluation = findWriterEvaluation(db, id, writerId);
  return evaluation && { evaluation, panel: panelProps(db, evaluation, ctx) };
}

/** Turns a row into the props of the panel for its state. */
export function panelProps(db: Db, e: EvaluationView, ctx: PanelContext): PanelProps {
  const { i18n, now } = ctx;
  if (e.status === 'done' && e.resultJson) {
    const result = readResult(e.resultJson);
    return { state: 'done', id: e.id, submissionId: e.submissionId, memo: e.memo, result, finishedAt: e.finishedAt ?? e.createdAt, revision: revisionOf(db, e, result), i18n };
  }
  if (e.status === 'failed') {
    return { state: 'failed', id: e.id, submissionId: e.submissionId, memo: e.memo, message: studentMessage(e.errorKind as ErrorKind | null, i18n.t), i18n };
  }
  return {
    state: 'pending',
    id: e.id,
    status: e.status === 'running' ? 'running' : 'queued',
    position: e.status === 'queued' ? queuePosition(db, e.id) : undefined,
    elapsedMs: now - e.queuedAt,
    runningMs: e.status === 'running' && e.startedAt ? now - e.startedAt : undefined,
    expectedMs: recentAverageDurationMs(db),
    waitingForProvider: e.status === 'queued' && ((e.notBefore !== null && e.notBefore > now) || ctx.providerPaused),
    i18n,
  };
}

/** For a revision: how it scored and what changed against the finished version it revises. */
export function revisionOf(db: Db, e: EvaluationView, result: EvaluationResult): Revision | undefined {
  if (e.parentId === null) return undefined;
  const parent = findParentResult(db, e.parentId, e.writerId);
  if (!parent) return undefined;
  return { parentEvaluationId: parent.evaluationId, comparison: compareResults(readResult(parent.resultJson), result), changes: textChanges(parent.text, e.memo) };
}
