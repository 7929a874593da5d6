import type { Db } from '../db/client.ts';
import { findWriterEvaluation, queuePosition, recentAverageDurationMs, type EvaluationView } from '../db/queries/evaluations.ts';
import { latestFlag } from '../db/queries/flags.ts';
import { findParentResult } from '../db/queries/history.ts';
import type { I18n } from '../i18n/index.ts';
import { studentMessage } from '../llm/messages.ts';
import type { ErrorKind } from '../llm/types.ts';
import type { PanelProps } from '../views/partials/evaluation-panel.tsx';
import type { FlagState } from '../views/partials/flag-form.tsx';
import type { Revision } from '../views/partials/revision-comparison.tsx';
import type { EvaluationResult } from './result.ts';
import { compareResults, textChanges } from './revisions.ts';
import { studentPartial, studentReadings, studentResult } from './student-result.ts';

/** The longest flag reason a student may send. */
export const MAX_FLAG_REASON = 1000;

/** What a panel needs besides the stored row: the time, whether the provider pauses the queue, the language. */
export interface PanelContext {
  now: number;
  providerPaused: boolean;
  i18n: I18n;
  /** llm.yaml spread_note_threshold: the largest criterion range at which the student is told the readings varied. */
  spreadNoteThreshold: number;
  /** A flag form sent back with an error (422): the reason as typed and what was wrong. */
  flagForm?: { reason: string; error: string };
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
  if (e.status === 'done') {
    const shown = studentResult(e);
    const base = { id: e.id, submissionId: e.submissionId, memo: e.memo, finishedAt: e.finishedAt ?? e.createdAt, i18n };
    if (!shown.result) return { state: 'review', ...base };
    const review = shown.reviewed ? { note: e.reviewNote ?? '' } : undefined;
    const readings = studentReadings(e, ctx.spreadNoteThreshold);
    return { state: 'done', ...base, result: shown.result, readings, revision: revisionOf(db, e, shown.result), review, flag: flagState(db, e.id, ctx) };
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
    partial: e.status === 'running' ? studentPartial(e) : undefined,
    i18n,
  };
}

/** The flag form's state: never sent, sent and open, or answered; with a rejected reason when re-rendered. */
function flagState(db: Db, evaluationId: number, ctx: PanelContext): FlagState {
  const flag = latestFlag(db, evaluationId);
  const status = !flag ? 'none' : flag.resolvedAt === null ? 'open' : 'answered';
  return { status, reason: ctx.flagForm?.reason ?? '', error: ctx.flagForm?.error, max: MAX_FLAG_REASON };
}

/** For a revision: how it scored and what changed against the version it revises, if the writer may see that one's result. */
export function revisionOf(db: Db, e: EvaluationView, result: EvaluationResult): Revision | undefined {
  if (e.parentId === null) return undefined;
  const parent = findParentResult(db, e.parentId, e.writerId);
  const before = parent && studentResult(parent).result;
  if (!parent || !before) return undefined;
  return { parentEvaluationId: parent.evaluationId, comparison: compareResults(before, result), changes: textChanges(parent.text, e.memo) };
}
