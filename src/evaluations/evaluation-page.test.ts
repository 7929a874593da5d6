import { describe, expect, it } from 'vitest';
import { newWriter, resultWith, storeEvaluation, useTempDb } from '../../test/helpers/evaluations-db.ts';
import { i18n } from '../i18n/index.ts';
import { readEvaluationPage, type PanelContext } from './evaluation-page.ts';
import { CorruptResultError } from './result.ts';

const NOW = Date.UTC(2026, 10, 20, 9, 0);
const ctx: PanelContext = { now: NOW, providerPaused: false, i18n: i18n('en'), spreadNoteThreshold: 1 };
const t = useTempDb(NOW);

describe('readEvaluationPage', () => {
  it('is undefined for a missing evaluation and for another writer’s', () => {
    const { evaluationId } = storeEvaluation(t.db, { writerId: t.ana, text: 'Ana’s memo', now: NOW });
    expect(readEvaluationPage(t.db, evaluationId + 1, t.ana, ctx)).toBeUndefined();
    expect(readEvaluationPage(t.db, evaluationId, newWriter(t.db, NOW), ctx)).toBeUndefined();
  });

  it('gives a queued evaluation its place in the queue and whether the provider holds it', () => {
    storeEvaluation(t.db, { writerId: t.ana, text: 'First', now: NOW - 5000 });
    const { evaluationId } = storeEvaluation(t.db, { writerId: t.ana, text: 'Second', now: NOW - 2000 });
    const page = readEvaluationPage(t.db, evaluationId, t.ana, ctx)!;
    expect(page.evaluation).toMatchObject({ id: evaluationId, status: 'queued', memo: 'Second' });
    expect(page.panel).toMatchObject({ state: 'pending', status: 'queued', position: 2, elapsedMs: 2000, waitingForProvider: false });
    expect(readEvaluationPage(t.db, evaluationId, t.ana, { ...ctx, providerPaused: true })!.panel).toMatchObject({ waitingForProvider: true });
  });

  it('reads a finished result, with no revision for a first memo', () => {
    const result = resultWith(3, { clarity: 3, evidence: 3 });
    const { evaluationId } = storeEvaluation(t.db, { writerId: t.ana, text: 'Memo', now: NOW, result });
    const panel = readEvaluationPage(t.db, evaluationId, t.ana, ctx)!.panel;
    expect(panel).toMatchObject({ state: 'done', memo: 'Memo', result, finishedAt: NOW + 1000, revision: undefined });
  });

  it('compares a revision with the finished version it revises', () => {
    const before = storeEvaluation(t.db, { writerId: t.ana, text: 'We should buy it.', now: NOW - 9000, result: resultWith(2, { clarity: 2, evidence: 2 }) });
    const after = storeEvaluation(t.db, { writerId: t.ana, text: 'We should buy it now.', now: NOW, parentSubmissionId: before.submissionId, result: resultWith(3, { clarity: 4, evidence: 2 }) });
    const panel = readEvaluationPage(t.db, after.evaluationId, t.ana, ctx)!.panel;
    if (panel.state !== 'done') throw new Error(panel.state);
    expect(panel.revision?.parentEvaluationId).toBe(before.evaluationId);
    expect(panel.revision?.comparison.overall).toEqual({ before: 2, after: 3, delta: 1 });
    expect(panel.revision?.comparison.criteria.map((c) => c.delta)).toEqual([2, 0]);
    expect(panel.revision?.changes.by).toBe('words');
    expect(panel.revision?.changes.changes.some((c) => c.kind === 'add' && c.text.includes('now'))).toBe(true);
  });

  it('gives a failed evaluation the student’s message for its kind', () => {
    const { evaluationId } = storeEvaluation(t.db, { writerId: t.ana, text: 'Memo', now: NOW, status: 'failed', errorKind: 'timeout' });
    const panel = readEvaluationPage(t.db, evaluationId, t.ana, ctx)!.panel;
    expect(panel).toMatchObject({ state: 'failed', message: i18n('en').t('llm.timeout') });
  });

  it('throws CorruptResultError for a corrupt result, its own or the one it revises', () => {
    const { evaluationId } = storeEvaluation(t.db, { writerId: t.ana, text: 'Memo', now: NOW, result: '{"overall": 3' });
    expect(() => readEvaluationPage(t.db, evaluationId, t.ana, ctx)).toThrow(CorruptResultError);
    const parent = storeEvaluation(t.db, { writerId: t.ana, text: 'Old', now: NOW, result: '{"criteria": "none"}' });
    const child = storeEvaluation(t.db, { writerId: t.ana, text: 'New', now: NOW, parentSubmissionId: parent.submissionId, result: resultWith(3, { clarity: 3 }) });
    expect(() => readEvaluationPage(t.db, child.evaluationId, t.ana, ctx)).toThrow(CorruptResultError);
  });
});
