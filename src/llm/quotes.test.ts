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
    expect(locateQuote(memo, 'The pilot cut errors by 42%.')).toEqual({ anchored: false });
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
    // Every occurrence taken: it still anchors (to the first), overlapping the earlier quote.
    expect(locateQuote(m, q, [[first.start, first.end], [at, at + q.length]])).toEqual({ anchored: true, start: 0, end: q.length, match: 'exact' });
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

describe('normalizeWithMap with Unicode composition', () => {
  it('composes decomposed accents and maps each unit to the start of its cluster', () => {
    const text = 'cafe\u0301  ok';
    const { norm, map } = normalizeWithMap(text);
    expect(norm).toBe('caf\u00E9 ok');
    expect(map).toEqual([0, 1, 2, 3, 5, 7, 8]);
  });
});

describe('locateQuote tiers', () => {
  /** Asserts the full anchor, and that its offsets slice the expected original text. */
  function expectAnchor(memo: string, a: Anchor, start: number, end: number, match: string, text: string): void {
    expect(a).toEqual({ anchored: true, start, end, match });
    expect(memo.slice(start, end)).toBe(text);
  }

  it('matches a composed quote against decomposed accents, slicing the original decomposed text', () => {
    const m = 'Re\u0301sume\u0301 first. The cafe\u0301 opened in Ma\u0301laga. End.';
    const a = locateQuote(m, 'The caf\u00E9 opened in M\u00E1laga.');
    expectAnchor(m, a, 16, 44, 'normalized', 'The cafe\u0301 opened in Ma\u0301laga.');
  });

  it('matches a decomposed quote against composed accents', () => {
    const m = 'The caf\u00E9 opened in M\u00E1laga. End.';
    const a = locateQuote(m, 'The cafe\u0301 opened in Ma\u0301laga.');
    expectAnchor(m, a, 0, 26, 'normalized', 'The caf\u00E9 opened in M\u00E1laga.');
  });

  it('keeps a trailing combining accent inside the anchored range', () => {
    const m = 'We met at the cafe\u0301. Then left.';
    expectAnchor(m, locateQuote(m, 'met at the caf\u00E9'), 3, 19, 'normalized', 'met at the cafe\u0301');
  });

  it('never cuts an accent off its letter or splits a surrogate pair', () => {
    expect(locateQuote('We met at the cafe\u0301 daily.', 'met at the cafe')).toEqual({ anchored: false });
    expect(locateQuote('Up 😀😀 now.', '\uDE00')).toEqual({ anchored: false });
  });

  it('matches Spanish ñ and á in either composition form, and with a changed capital', () => {
    const nfc = 'Resumen. El a\u00F1o pasado la campa\u00F1a fue un \u00E9xito rotundo. Fin.';
    const nfd = nfc.normalize('NFD');
    expect(nfd).not.toBe(nfc);
    const quote = 'El a\u00F1o pasado la campa\u00F1a fue un \u00E9xito rotundo.';
    const nfdEnd = nfd.indexOf(' Fin.');
    expect(nfdEnd).toBe(nfc.indexOf(' Fin.') + 3); // three combining marks before it
    expectAnchor(nfd, locateQuote(nfd, quote), 9, nfdEnd, 'normalized', quote.normalize('NFD'));
    expectAnchor(nfc, locateQuote(nfc, quote.normalize('NFD')), 9, 55, 'normalized', quote);
    const shouted = 'el A\u00D1O pasado la campa\u00F1a fue un \u00C9xito rotundo.';
    expectAnchor(nfd, locateQuote(nfd, shouted), 9, nfdEnd, 'case', quote.normalize('NFD'));
  });

  it('matches Hangul decomposed into jamo (as macOS stores it)', () => {
    const m = '\uD55C\uAD6D \uC2DC\uC7A5 \uBD84\uC11D. End.'.normalize('NFD');
    const a = locateQuote(m, '\uD55C\uAD6D \uC2DC\uC7A5');
    expectAnchor(m, a, 0, m.indexOf(' \u1107'), 'normalized', '\uD55C\uAD6D \uC2DC\uC7A5'.normalize('NFD'));
  });

  it('matches a quote whose capital the model changed', () => {
    const m = 'Budget is tight. we should cut travel. End.';
    expectAnchor(m, locateQuote(m, 'We should cut travel.'), 17, 38, 'case', 'we should cut travel.');
    const memo = 'TO: Dana\n\nWe recommend approving $240,000 by March 31. The pilot cut errors by 38%.';
    const a = locateQuote(memo, 'the pilot cut errors by 38%.');
    expectAnchor(memo, a, 55, memo.length, 'case', 'The pilot cut errors by 38%.');
  });

  it('combines case, curly quotes and whitespace folding', () => {
    const m = 'Intro.\nShe said \u201CShip it\u201D\n and left. End.';
    const a = locateQuote(m, 'she said "ship it" and left.');
    expectAnchor(m, a, 7, 36, 'case', 'She said \u201CShip it\u201D\n and left.');
  });

  it("keeps offsets right around 'İ', whose lower case is longer, and matches it to i/I", () => {
    const m = '\u0130\u0130 \u0130zmir: Meeting in \u0130STANBUL on Monday. Budget fine.';
    const start = m.indexOf('Meeting');
    const end = m.indexOf(' Budget');
    const text = 'Meeting in \u0130STANBUL on Monday.';
    expectAnchor(m, locateQuote(m, 'meeting in \u0130stanbul on monday.'), start, end, 'case', text);
    expectAnchor(m, locateQuote(m, 'Meeting in Istanbul on Monday.'), start, end, 'case', text);
    expectAnchor(m, locateQuote(m, 'meeting in istanbul on monday.'), start, end, 'case', text);
  });

  it("keeps offsets right for a decomposed 'I\\u0307' that folds to one unit", () => {
    const m = 'I\u0307zmir and \u0130zmir. The I\u0307STANBUL office grew.';
    const a = locateQuote(m, 'the \u0130stanbul office grew.');
    expectAnchor(m, a, 18, m.length, 'case', 'The I\u0307STANBUL office grew.');
  });

  it('tolerates an extra trailing period in the quote', () => {
    const m = 'Key points:\n- Revenue grew 12%\n- Costs fell';
    expectAnchor(m, locateQuote(m, 'Revenue grew 12%.'), 14, 30, 'punctuation', 'Revenue grew 12%');
    expectAnchor(m, locateQuote(m, 'revenue grew 12%...'), 14, 30, 'punctuation', 'Revenue grew 12%');
  });

  it('leaves out memo punctuation the quote did not have', () => {
    const m = 'Revenue grew 12%! Costs fell.';
    expectAnchor(m, locateQuote(m, 'Revenue grew 12%'), 0, 16, 'exact', 'Revenue grew 12%');
    expectAnchor(m, locateQuote(m, 'Revenue grew 12%.'), 0, 16, 'punctuation', 'Revenue grew 12%');
    const m2 = 'We could grow. Or not.';
    expectAnchor(m2, locateQuote(m2, 'We could grow\u2026'), 0, 13, 'punctuation', 'We could grow');
  });

  it('handles a quote ending in a closing quote mark', () => {
    const m = 'The CEO called it \u201Ca bold bet\u201D. We agree.';
    // Model moved the period inside the quotes: the range still covers both, in the memo's order.
    const a = locateQuote(m, 'The CEO called it "a bold bet."');
    expectAnchor(m, a, 0, 31, 'punctuation', 'The CEO called it \u201Ca bold bet\u201D.');
    const m2 = 'She called it a bold bet, then left.';
    expectAnchor(m2, locateQuote(m2, 'She called it a bold bet\u201D'), 0, 24, 'punctuation', 'She called it a bold bet');
    expectAnchor(m2, locateQuote(m2, 'called it a bold bet)]'), 4, 24, 'punctuation', 'called it a bold bet');
  });

  it('does not let a quote ending in punctuation stop mid-word', () => {
    const m = 'We cut the costs sharply and the cost fell';
    expectAnchor(m, locateQuote(m, 'the cost.'), 29, 37, 'punctuation', 'the cost');
  });

  it('does not anchor quotes that are absent or only punctuation', () => {
    const m = 'Revenue grew 12%. Costs fell.';
    expect(locateQuote(m, 'Costs rose sharply!')).toEqual({ anchored: false });
    expect(locateQuote(m, 'Revenue grew 13%.')).toEqual({ anchored: false });
    expect(locateQuote(m, '\u2026')).toEqual({ anchored: false });
    expect(locateQuote(m, ' "\u201D ')).toEqual({ anchored: false });
  });

  it.each(['', ' ', '\u2003\n', '\u00A0\u00A0'])('does not anchor a blank quote %j', (q) => {
    expect(locateQuote('Some memo. Text.', q, [[0, 3]])).toEqual({ anchored: false });
  });

  it('anchors a quote whose only occurrence overlaps a taken range', () => {
    const m = 'We will cut costs by 10% next year. End.';
    const taken: Array<[number, number]> = [[0, 24]];
    expectAnchor(m, locateQuote(m, 'cut costs by 10% next year.', taken), 8, 35, 'exact', 'cut costs by 10% next year.');
    expectAnchor(m, locateQuote(m, 'Cut costs by 10% next year!', taken), 8, 34, 'punctuation', 'cut costs by 10% next year');
  });

  it('prefers a free occurrence in a looser tier over a taken exact one', () => {
    const m = 'We need this. Then more. we need  this. End.';
    const a = locateQuote(m, 'We need this.', [[0, 13]]);
    expectAnchor(m, a, 25, 39, 'case', 'we need  this.');
  });

  it('stays fast on a 10 000-character memo with 12 quotes', () => {
    const para = 'The pilot cut errors by 38% across caf\u00E9 sites \u2014 \u201Cremarkable\u201D results. ';
    const m = para.repeat(Math.ceil(10_000 / para.length)).normalize('NFD').slice(0, 10_000);
    const taken: Array<[number, number]> = [];
    const t0 = performance.now();
    for (let i = 0; i < 12; i++) {
      const a = locateQuote(m, i % 2 ? 'THE PILOT CUT ERRORS BY 38%.' : 'Nowhere in this memo.', taken);
      if (a.anchored) taken.push([a.start, a.end]);
    }
    expect(taken).toHaveLength(6);
    expect(performance.now() - t0).toBeLessThan(2000);
  });
});
