import { describe, expect, it } from 'vitest';
import { paginate } from './paginate.ts';

describe('paginate', () => {
  it('windows the rows of the page asked for', () => {
    expect(paginate('1', 120, 50)).toEqual({ page: 1, pages: 3, offset: 0, limit: 50 });
    expect(paginate('3', 120, 50)).toEqual({ page: 3, pages: 3, offset: 100, limit: 50 });
    expect(paginate(' 2 ', 120, 50)).toMatchObject({ page: 2, offset: 50 });
  });

  it('treats a missing or non-numeric page as page 1', () => {
    for (const raw of [undefined, '', 'abc', '0', '-3', '1.5', '1e3', '0x10', '99999999999999999999', '1234567890']) {
      expect(paginate(raw, 120, 50), String(raw)).toEqual({ page: 1, pages: 3, offset: 0, limit: 50 });
    }
  });

  it('keeps a page past the end, whose window selects no rows', () => {
    const p = paginate('99', 120, 50);
    expect(p).toEqual({ page: 99, pages: 3, offset: 4900, limit: 50 });
    expect(p.offset).toBeGreaterThanOrEqual(120);
    expect(paginate('999999999', 1, 20).page).toBe(999_999_999);
  });

  it('counts an empty list as one page', () => {
    expect(paginate(undefined, 0, 20)).toEqual({ page: 1, pages: 1, offset: 0, limit: 20 });
    expect(paginate('2', 0, 20)).toMatchObject({ page: 2, pages: 1 });
  });

  it('gives a last page for a partial and an exact fill', () => {
    expect(paginate('1', 20, 20).pages).toBe(1);
    expect(paginate('1', 21, 20).pages).toBe(2);
  });
});
