import { describe, expect, it } from 'vitest';
import { newWriter, resultWith, storeEvaluation, useTempDb } from '../../test/helpers/evaluations-db.ts';
import { shippedConfig } from '../../test/helpers/app.ts';
import { HISTORY_PAGE_SIZE, readHistory } from './history.ts';
import { CorruptResultError } from './result.ts';

const NOW = Date.UTC(2026, 10, 20, 9, 0);
const rubric = shippedConfig().rubric;
const scores = (n: number) => Object.fromEntries(rubric.criteria.map((c) => [c.id, n]));
const t = useTempDb(NOW);

describe('readHistory', () => {
  it('is empty, on page 1 of 1, before there is a writer', () => {
    expect(readHistory(t.db, undefined, rubric, '3')).toMatchObject({ entries: [], chart: undefined, page: 3, pages: 1, total: 0 });
  });

  it('lists the writer’s memos newest first, a page at a time, with scores and excerpts', () => {
    for (let i = 0; i < HISTORY_PAGE_SIZE + 3; i++) storeEvaluation(t.db, { writerId: t.ana, text: `Memo   number\n${i} ${'x'.repeat(90)}`, now: NOW + i * 1000 });
    storeEvaluation(t.db, { writerId: newWriter(t.db, NOW), text: 'Someone else', now: NOW });
    const first = readHistory(t.db, t.ana, rubric, undefined);
    expect(first).toMatchObject({ page: 1, pages: 2, total: HISTORY_PAGE_SIZE + 3, pageSize: HISTORY_PAGE_SIZE });
    expect(first.entries).toHaveLength(HISTORY_PAGE_SIZE);
    expect(first.entries[0]!.excerpt).toMatch(/^Memo number 22 x+…$/);
    expect(first.entries[0]!.excerpt).toHaveLength(81);
    expect(readHistory(t.db, t.ana, rubric, '2').entries.map((e) => e.excerpt.slice(0, 13))).toEqual(['Memo number 2', 'Memo number 1', 'Memo number 0']);
    expect(readHistory(t.db, t.ana, rubric, '9')).toMatchObject({ page: 9, pages: 2, entries: [] });
    expect(first.criteria.map((c) => c.id)).toEqual(rubric.criteria.map((c) => c.id));
  });

  it('reads scores from stored results and charts finished evaluations oldest first', () => {
    const first = storeEvaluation(t.db, { writerId: t.ana, text: 'One', now: NOW, result: resultWith(2, scores(2)) });
    const second = storeEvaluation(t.db, { writerId: t.ana, text: 'Two', now: NOW + 1000, parentSubmissionId: first.submissionId, result: resultWith(4, scores(4)) });
    storeEvaluation(t.db, { writerId: t.ana, text: 'Three', now: NOW + 2000 });
    const h = readHistory(t.db, t.ana, rubric, '1');
    expect(h.entries.map((e) => [e.status, e.scores, e.isRevision])).toEqual([['queued', {}, false], ['done', scores(4), true], ['done', scores(2), false]]);
    expect(h.chart?.points.map((p) => [p.evaluationId, p.overall, p.scores])).toEqual([[first.evaluationId, 2, scores(2)], [second.evaluationId, 4, scores(4)]]);
    expect(h.chart?.scale).toEqual(rubric.scale);
  });

  it('throws CorruptResultError when a stored result does not read', () => {
    storeEvaluation(t.db, { writerId: t.ana, text: 'Memo', now: NOW, result: 'not json at all' });
    expect(() => readHistory(t.db, t.ana, rubric, '1')).toThrow(CorruptResultError);
  });
});
