import { describe, expect, it } from 'vitest';
import { locateQuote, normalizeWithMap, type Anchor } from './quotes.ts';

/** Asserts the quote anchored and returns the memo span it anchored to. */
function span(memo: string, a: Anchor): string {
  expect(a.anchored).toBe(true);
  if (!a.anchored) throw new Error('not anchored');
  expect(a.start).toBeGreaterThanOrEqual(0);
  expect(a.end).toBeGreaterThan(a.start);
  expect(a.end).toBeLessThanOrEqual(memo.length);
  return memo.slice(a.start, a.end);
}

describe('normalizeWithMap', () => {
  it('collapses whitespace runs, trims, and maps each char back to its original index', () => {
    const text = '  a \n\t b  ';
    const { norm, map } = normalizeWithMap(text);
    expect(norm).toBe('a b');
    expect(map).toEqual([2, 3, 7]); // the space maps to the first char of its run
    for (let i = 0; i < norm.length; i++) {
      if (norm[i] !== ' ') expect(text[map[i]!]).toBe(norm[i]);
    }
  });

  it('maps curly quotes, primes, guillemets, dashes and NBSP to ASCII', () => {
    const { norm } = normalizeWithMap('\u2018a\u2019 \u201Cb\u201D \u00ABc\u00BB d\u2013e\u2014f\u2212g h\u00A0i');
    expect(norm).toBe(`'a' "b" "c" d-e-f-g h i`);
  });

  it('keeps one map entry per normalised UTF-16 unit, including astral characters', () => {
    const text = 'x 😀 \u201Cy\u201D';
    const { norm, map } = normalizeWithMap(text);
    expect(norm).toBe('x 😀 "y"');
    expect(map).toHaveLength(norm.length);
    expect(map[norm.indexOf('y')]).toBe(text.indexOf('y'));
  });

  it('gives an empty result for whitespace only', () => {
    expect(normalizeWithMap(' \n\u00A0\t ')).toEqual({ norm: '', map: [] });
  });
});

describe('locateQuote', () => {
  const memo = 'TO: Dana\n\nWe recommend approving $240,000 by March 31. The pilot cut errors by 38%.';

  it('finds an exact quote at its offsets', () => {
    const q = 'The pilot cut errors by 38%.';
    const a = locateQuote(memo, q);
    expect(span(memo, a)).toBe(q);
    expect(a).toMatchObject({ start: memo.indexOf(q), end: memo.indexOf(q) + q.length, match: 'exact' });
  });

  it('ignores whitespace around the quote', () => {
    const a = locateQuote(memo, '  The pilot cut errors by 38%.\n');
    expect(span(memo, a)).toBe('The pilot cut errors by 38%.');
  });

  it('matches across a newline in the memo where the quote has a space', () => {
    const m = 'Costs are rising.\nWe must act\nnow to save money. Thanks.';
    const a = locateQuote(m, 'We must act now to save money.');
    expect(a).toMatchObject({ anchored: true, match: 'normalized' });
    expect(span(m, a)).toBe('We must act\nnow to save money.');
  });

  it('matches double spaces and tabs in either text', () => {
    const m = 'Intro.  We  must\tact now. End.';
    expect(span(m, locateQuote(m, 'We must act now.'))).toBe('We  must\tact now.');
    const m2 = 'Intro. We must act now. End.';
    expect(span(m2, locateQuote(m2, 'We  must \n act now.'))).toBe('We must act now.');
  });

  it('matches curly quotes in the memo against straight quotes in the quote', () => {
    const m = 'She said \u201Cship it\u201D and we didn\u2019t. Next.';
    const a = locateQuote(m, `She said "ship it" and we didn't.`);
    expect(span(m, a)).toBe('She said \u201Cship it\u201D and we didn\u2019t.');
  });

  it('matches straight quotes in the memo against curly quotes in the quote', () => {
    const m = `Intro. She said "ship it" and we didn't. Next.`;
    const a = locateQuote(m, 'She said \u201Cship it\u201D and we didn\u2019t.');
    expect(span(m, a)).toBe(`She said "ship it" and we didn't.`);
  });

  it('matches en and em dashes against a hyphen', () => {
    const m = 'Costs \u2014 not revenue \u2013 drive this. Next.';
    expect(span(m, locateQuote(m, 'Costs - not revenue - drive this.'))).toBe('Costs \u2014 not revenue \u2013 drive this.');
    const m2 = 'Costs - not revenue - drive this.';
    expect(span(m2, locateQuote(m2, 'Costs \u2014 not revenue \u2013 drive this.'))).toBe(m2);
  });

  it('matches an NBSP in the memo against a space', () => {
    const m = 'Budget: $240\u00A0000 over 3\u00A0years. Next.';
    expect(span(m, locateQuote(m, 'Budget: $240 000 over 3 years.'))).toBe('Budget: $240\u00A0000 over 3\u00A0years.');
  });

  it('maps a normalised match that ends on a collapsed run back to the original span', () => {
    const m = 'Alpha \u201Cbeta\u201D   \n  gamma\u2014delta. Omega.';
    const a = locateQuote(m, '"beta" gamma-delta.');
    expect(span(m, a)).toBe('\u201Cbeta\u201D   \n  gamma\u2014delta.');
  });

  it('does not anchor a quote that is not in the memo', () => {
    expect(locateQuote(memo, 'We recommend rejecting the proposal.')).toEqual({ anchored: false });
    expect(locateQuote(memo, 'the pilot cut errors by 38%.')).toEqual({ anchored: false }); // case differs
  });

  it.each(['', '   ', '\n\t', '\u00A0'])('does not anchor an empty or whitespace quote %j', (q) => {
    expect(locateQuote(memo, q)).toEqual({ anchored: false });
  });

  it('anchors a repeated quote to the next free occurrence when the first is taken', () => {
    const m = 'We need this. Then more. We need this. End.';
    const q = 'We need this.';
    const first = locateQuote(m, q);
    expect(first).toMatchObject({ anchored: true, start: 0, end: q.length });
    if (!first.anchored) return;
    const second = locateQuote(m, q, [[first.start, first.end]]);
    const at = m.indexOf(q, 1);
    expect(second).toMatchObject({ anchored: true, start: at, end: at + q.length });
    expect(locateQuote(m, q, [[first.start, first.end], [at, at + q.length]])).toEqual({ anchored: false });
  });

  it('skips taken ranges for normalised matches too', () => {
    const m = 'We \u201Cneed\u201D this. Then. We \u201Cneed\u201D  this. End.';
    const q = 'We "need" this.';
    const first = locateQuote(m, q);
    expect(first).toMatchObject({ anchored: true, start: 0, match: 'normalized' });
    if (!first.anchored) return;
    const second = locateQuote(m, q, [[first.start, first.end]]);
    expect(second.anchored).toBe(true);
    if (!second.anchored) return;
    expect(second.start).toBe(m.lastIndexOf('We'));
    expect(span(m, second)).toBe('We \u201Cneed\u201D  this.');
  });

  it('treats any overlap with a taken range as taken', () => {
    const m = 'abc def ghi. abc def ghi.';
    const a = locateQuote(m, 'abc def ghi.', [[4, 5]]);
    expect(a).toMatchObject({ anchored: true, start: 13 });
  });

  it('is not confused by emoji and other astral characters before the quote', () => {
    const m = '🚀📈 Launch 𝒳 plan: 😀 We \u201Cwill\u201D grow 20%. Next.';
    const exact = 'We \u201Cwill\u201D grow 20%.';
    const a = locateQuote(m, exact);
    expect(span(m, a)).toBe(exact);
    const b = locateQuote(m, 'We "will"  grow 20%.');
    expect(b).toMatchObject({ match: 'normalized' });
    expect(span(m, b)).toBe(exact);
  });

  it('anchors a quote that is itself made of astral characters', () => {
    const m = 'Intro. Growth 📈📈 all year. End.';
    expect(span(m, locateQuote(m, 'Growth 📈📈 all year.'))).toBe('Growth 📈📈 all year.');
  });
});
