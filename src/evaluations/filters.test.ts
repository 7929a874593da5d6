import { describe, expect, it } from 'vitest';
import { DAY } from '../time.ts';
import { parseFilters } from './filters.ts';

describe('parseFilters', () => {
  it('turns the query string into a filter and an order, dropping empty and unknown keys', () => {
    const p = parseFilters({ from: '2026-03-01', to: '2026-03-31', writer: ' ana-student ', status: 'done', min: '2.5', q: '', sort: 'score', page: '4', other: 'x' });
    expect(p).toEqual({
      ok: true,
      values: { from: '2026-03-01', to: '2026-03-31', writer: 'ana-student', status: 'done', min: '2.5', sort: 'score' },
      filter: { fromMs: Date.UTC(2026, 2, 1), toMs: Date.UTC(2026, 2, 31) + DAY, writer: 'ana-student', status: 'done', min: 2.5, max: undefined, q: undefined },
      order: { sort: 'score', dir: 'desc' },
    });
  });

  it('sorts newest first by default', () => {
    expect(parseFilters({})).toMatchObject({ ok: true, values: {}, order: { sort: 'date', dir: 'desc' } });
  });

  it('gives an error per bad field, keeping what was typed', () => {
    const p = parseFilters({ from: '2026-02-30', min: '4', max: '3', status: 'lost' });
    expect(p.ok).toBe(false);
    if (p.ok) return;
    expect(p.values).toEqual({ from: '2026-02-30', min: '4', max: '3', status: 'lost' });
    expect(Object.keys(p.errors).sort()).toEqual(['from', 'max', 'status']);
    expect(p.errors.from).toContain('is not a date');
  });

  it('checks the ranges when both ends read', () => {
    const p = parseFilters({ from: '2026-03-02', to: '2026-03-01', min: '4', max: '3' });
    expect(p.ok ? {} : p.errors).toEqual({ to: 'The end day is before the start day.', max: 'The highest score is below the lowest.' });
  });
});
