/** Where a quote sits in the memo, if it could be found. */
export type Anchor =
  | { anchored: true; start: number; end: number; match: 'exact' | 'normalized' }
  | { anchored: false };

const QUOTE_MAP: Record<string, string> = {
  '\u2018': "'", '\u2019': "'", '\u201A': "'", '\u201B': "'", '\u2032': "'",
  '\u201C': '"', '\u201D': '"', '\u201E': '"', '\u201F': '"', '\u2033': '"', '\u00AB': '"', '\u00BB': '"',
  '\u2013': '-', '\u2014': '-', '\u2212': '-', '\u00A0': ' ',
};

/** Normalises quotes, dashes and whitespace runs; `map[i]` is the original index of normalised char i. */
export function normalizeWithMap(text: string): { norm: string; map: number[] } {
  let norm = '';
  const map: number[] = [];
  let inSpace = false;
  for (let i = 0; i < text.length; i++) {
    const ch = QUOTE_MAP[text[i]!] ?? text[i]!;
    if (/\s/.test(ch)) {
      if (!inSpace && norm.length > 0) {
        norm += ' ';
        map.push(i);
      }
      inSpace = true;
      continue;
    }
    inSpace = false;
    norm += ch;
    map.push(i);
  }
  if (norm.endsWith(' ')) {
    norm = norm.slice(0, -1);
    map.pop();
  }
  return { norm, map };
}

/**
 * Finds a quote in the memo: exactly first, then with whitespace, quotes and dashes normalised.
 * `taken` holds ranges already used, so a repeated quote anchors to its next occurrence.
 */
export function locateQuote(memo: string, quote: string, taken: Array<[number, number]> = []): Anchor {
  const q = quote.trim();
  if (!q) return { anchored: false };
  const free = (s: number, e: number) => !taken.some(([a, b]) => s < b && a < e);
  for (let from = memo.indexOf(q); from !== -1; from = memo.indexOf(q, from + 1)) {
    if (free(from, from + q.length)) return { anchored: true, start: from, end: from + q.length, match: 'exact' };
  }
  const m = normalizeWithMap(memo);
  const nq = normalizeWithMap(q).norm;
  if (!nq) return { anchored: false };
  for (let from = m.norm.indexOf(nq); from !== -1; from = m.norm.indexOf(nq, from + 1)) {
    const start = m.map[from]!;
    const end = m.map[from + nq.length - 1]! + 1;
    if (free(start, end)) return { anchored: true, start, end, match: 'normalized' };
  }
  return { anchored: false };
}
