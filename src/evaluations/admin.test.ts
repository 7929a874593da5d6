import { describe, expect, it } from 'vitest';
import { resultWith, storeEvaluation, useTempDb } from '../../test/helpers/evaluations-db.ts';
import { EVALUATIONS_PAGE_SIZE, listEvaluationsPage, readAdminEvaluation } from './admin.ts';
import { evaluationsCsv } from './csv.ts';
import { iterateAdminEvaluations } from '../db/queries/admin-evaluations.ts';

const NOW = Date.UTC(2026, 10, 20, 9, 0);
const byDate = { sort: 'date', dir: 'desc' } as const;
const t = useTempDb(NOW);
const admin = { id: 'admin', role: 'admin' } as const;

describe('listEvaluationsPage', () => {
  it('pages the filtered history by the shared rule', () => {
    const ids = Array.from({ length: EVALUATIONS_PAGE_SIZE + 2 }, (_, i) => storeEvaluation(t.db, { writerId: t.ana, text: `Memo ${i}`, now: NOW + i }).evaluationId);
    storeEvaluation(t.db, { writerId: t.ana, text: 'Failed', now: NOW, status: 'failed', errorKind: 'timeout' });
    const first = listEvaluationsPage(t.db, { status: 'queued' }, byDate, undefined);
    expect(first).toMatchObject({ total: ids.length, page: 1, pages: 2, pageSize: EVALUATIONS_PAGE_SIZE });
    expect(first.rows.map((r) => r.id)).toEqual(ids.toReversed().slice(0, EVALUATIONS_PAGE_SIZE));
    expect(listEvaluationsPage(t.db, { status: 'queued' }, byDate, '2').rows.map((r) => r.id)).toEqual([ids[1], ids[0]]);
    expect(listEvaluationsPage(t.db, { status: 'queued' }, byDate, '7')).toMatchObject({ page: 7, pages: 2, rows: [] });
    expect(listEvaluationsPage(t.db, { status: 'running' }, byDate, 'abc')).toMatchObject({ page: 1, pages: 1, total: 0, rows: [] });
  });
});

describe('readAdminEvaluation', () => {
  it('is undefined for a missing evaluation', () => {
    expect(readAdminEvaluation(t.db, 404, admin)).toBeUndefined();
  });

  it('reads a done evaluation’s result and its attempts', () => {
    const result = resultWith(3, { clarity: 3 });
    const { evaluationId } = storeEvaluation(t.db, { writerId: t.ana, text: 'Memo', now: NOW, result });
    expect(readAdminEvaluation(t.db, evaluationId, admin)).toMatchObject({ ev: { id: evaluationId, memo: 'Memo' }, result, resultProblem: undefined, attempts: [] });
  });

  it('shows everything else when the stored result is corrupt, and says why', () => {
    const { evaluationId } = storeEvaluation(t.db, { writerId: t.ana, text: 'Memo', now: NOW, result: '{"overall": "Dear Dana"}' });
    const model = readAdminEvaluation(t.db, evaluationId, admin)!;
    expect(model).toMatchObject({ ev: { id: evaluationId }, result: undefined, resultProblem: 'wrong shape at rubricName' });
    expect(model.resultProblem).not.toContain('Dana');
  });
});

describe('evaluationsCsv', () => {
  it('exports a row with a corrupt result, its score cells empty', () => {
    storeEvaluation(t.db, { writerId: t.ana, text: 'Good', now: NOW, result: resultWith(4, { clarity: 4 }) });
    storeEvaluation(t.db, { writerId: t.ana, text: 'Broken', now: NOW + 1, result: '{' });
    const csv = evaluationsCsv(iterateAdminEvaluations(t.db, {}, byDate), ['clarity']);
    const [header, broken, good] = csv.replace(/^\uFEFF/, '').trim().split('\n').map((l) => l.split(','));
    const score = header!.indexOf('score_clarity');
    const excerpt = header!.indexOf('memo_excerpt');
    expect([broken![excerpt], broken![score]]).toEqual(['Broken', '']);
    expect([good![excerpt], good![score]]).toEqual(['Good', '4']);
  });
});
