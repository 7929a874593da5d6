/** How loosely a quote had to be matched to find it in the memo. */
export type QuoteMatch = 'exact' | 'normalized' | 'case' | 'punctuation';

/** Where a quote sits in the memo, if it could be found. */
export type Anchor =
  | { anchored: true; start: number; end: number; match: QuoteMatch }
  | { anchored: false };

const QUOTE_MAP: Record<string, string> = {
  '\u2018': "'", '\u2019': "'", '\u201A': "'", '\u201B': "'", '\u2032': "'",
  '\u201C': '"', '\u201D': '"', '\u201E': '"', '\u201F': '"', '\u2033': '"', '\u00AB': '"', '\u00BB': '"',
  '\u2013': '-', '\u2014': '-', '\u2212': '-', '\u00A0': ' ',
};
const QUOTE_CHARS = new RegExp(`[${Object.keys(QUOTE_MAP).join('')}]`, 'g');

/**
 * One user-perceived unit: a base code point plus the marks that attach to it. Hangul medial/final
 * jamo (U+1160–U+11FF) attach too, because macOS decomposes Hangul syllables into them. Marks never
 * attach to whitespace, so a whitespace cluster is always a single whitespace character.
 */
const CLUSTER = /[^\s\p{M}\u1160-\u11FF][\p{M}\u1160-\u11FF]*|\s|[\p{M}\u1160-\u11FF]+/gu;
const ATTACHING = /^[\p{M}\u1160-\u11FF]/u;

/** Trailing punctuation and closing quotes a model may add or drop (curly quotes are folded by then). */
const TRAILING_PUNCT = /[\s.,;:!?…"')\]]+$/u;
const WORD_END = /[\p{L}\p{N}\p{M}]$/u;
const WORD_START = /^[\p{L}\p{N}\p{M}]/u;

/**
 * Normalised text plus, for each normalised UTF-16 unit, the original range of the cluster it came
 * from. Separate start/end arrays because one cluster can become several units (or fewer) after
 * NFC and case folding, so `i -> i + 1` in the original cannot be assumed.
 */
interface Folded {
  norm: string;
  starts: number[];
  ends: number[];
}

type Range = [start: number, end: number];

/** NFC (and optionally lower-cases) one cluster; done per cluster so the index map stays exact. */
function foldCluster(cluster: string, caseFold: boolean): string {
  if (cluster.length === 1 && cluster < '\x80') return caseFold ? cluster.toLowerCase() : cluster;
  let s = cluster.normalize('NFC');
  // 'İ'.toLowerCase() is 'i̇' (two units); dropping the dot lets 'İstanbul' match 'istanbul'.
  // Lower-casing per cluster also keeps Greek final sigma context-free on both sides.
  if (caseFold) s = s.toLowerCase().replace(/i\u0307/g, 'i').normalize('NFC');
  return s.replace(QUOTE_CHARS, (c) => QUOTE_MAP[c]!);
}

/** Appends every unit of `text`, each mapped to the original range [start, end). */
function emit(out: Folded, text: string, start: number, end: number): void {
  out.norm += text;
  for (let k = 0; k < text.length; k++) {
    out.starts.push(start);
    out.ends.push(end);
  }
}

/** Folds quotes, dashes, NBSP, Unicode composition (and case); collapses and trims whitespace. */
function foldWithMap(text: string, caseFold: boolean): Folded {
  const out: Folded = { norm: '', starts: [], ends: [] };
  let space = -1; // start of the pending whitespace run, emitted only if text follows it
  for (const m of text.matchAll(CLUSTER)) {
    if (/^\s$/u.test(m[0])) {
      if (space < 0) space = m.index;
      continue;
    }
    if (space >= 0 && out.norm) emit(out, ' ', space, space + 1);
    space = -1;
    emit(out, foldCluster(m[0], caseFold), m.index, m.index + m[0].length);
  }
  return out;
}

/** Last memo folded, per mode: callers locate up to a dozen quotes in the same memo, one after another. */
let memoFolds: { memo: string; folds: [Folded?, Folded?] } = { memo: '', folds: [] };

/** foldWithMap for the memo, reusing the previous call's work when the memo is the same. */
function foldMemo(memo: string, caseFold: boolean): Folded {
  if (memoFolds.memo !== memo) memoFolds = { memo, folds: [] };
  const i = caseFold ? 1 : 0;
  return (memoFolds.folds[i] ??= foldWithMap(memo, caseFold));
}

/**
 * Normalises quotes, dashes, whitespace runs and Unicode composition (NFC); `map[i]` is the original
 * index of the cluster that normalised char i came from.
 */
export function normalizeWithMap(text: string): { norm: string; map: number[] } {
  const { norm, starts } = foldWithMap(text, false);
  return { norm, map: starts };
}

/** True if index i falls inside a cluster (mid surrogate pair or before an attached mark). */
function splitsCluster(text: string, i: number): boolean {
  if (i <= 0 || i >= text.length) return false;
  const code = text.charCodeAt(i);
  const prev = text.charCodeAt(i - 1);
  if (code >= 0xdc00 && code <= 0xdfff && prev >= 0xd800 && prev <= 0xdbff) return true;
  return ATTACHING.test(text.slice(i, i + 2)) && !/\s/.test(text[i - 1]!);
}

/** Normalised index i is a cluster boundary when its unit and the previous one came from different clusters. */
function atBoundary(f: Folded, i: number): boolean {
  return i <= 0 || i >= f.norm.length || f.starts[i] !== f.starts[i - 1];
}

/** Exact occurrences in memo order, skipping any that would cut a character off its accents. */
function* exactRanges(memo: string, q: string): Generator<Range> {
  for (let i = memo.indexOf(q); i !== -1; i = memo.indexOf(q, i + 1)) {
    if (!splitsCluster(memo, i) && !splitsCluster(memo, i + q.length)) yield [i, i + q.length];
  }
}

/** Grows a match end over memo punctuation the quote also ended with, in whatever order the memo has it. */
function extendOverTail(f: Folded, e: number, tail: string): number {
  const left = [...tail.replace(/\s/g, '')];
  for (;;) {
    const k = left.indexOf(f.norm[e] ?? '');
    if (k < 0 || !atBoundary(f, e + 1)) return e;
    left.splice(k, 1);
    e++;
  }
}

/**
 * Occurrences of `needle` in the folded memo, in memo order, mapped back to original offsets.
 * With a `tail` (punctuation stripped off the quote), the match must end where a word ends — the
 * quote did — and is stretched over memo punctuation the quote had, e.g. `bet”.` for `bet."`.
 */
function* foldedRanges(f: Folded, needle: string, tail?: string): Generator<Range> {
  if (!needle) return;
  for (let i = f.norm.indexOf(needle); i !== -1; i = f.norm.indexOf(needle, i + 1)) {
    let e = i + needle.length;
    if (!atBoundary(f, i) || !atBoundary(f, e)) continue;
    if (tail !== undefined) {
      if (WORD_END.test(needle) && WORD_START.test(f.norm.slice(e, e + 2))) continue;
      e = extendOverTail(f, e, tail);
    }
    yield [f.starts[i]!, f.ends[e - 1]!];
  }
}

/** Candidate ranges, strictest tier first; lazy so the memo is only folded when a stricter tier failed. */
function* tiers(memo: string, q: string): Generator<[QuoteMatch, Iterable<Range>]> {
  yield ['exact', exactRanges(memo, q)];
  yield ['normalized', foldedRanges(foldMemo(memo, false), foldWithMap(q, false).norm)];
  const lower = foldMemo(memo, true);
  const lq = foldWithMap(q, true).norm;
  yield ['case', foldedRanges(lower, lq)];
  const bare = lq.replace(TRAILING_PUNCT, '');
  if (bare !== lq) yield ['punctuation', foldedRanges(lower, bare, lq.slice(bare.length))];
}

/**
 * Finds a quote in the memo: exactly; then with quotes, dashes, whitespace and Unicode composition
 * normalised; then also ignoring case; then also ignoring trailing punctuation.
 * `taken` holds ranges already used: a free occurrence in any tier beats a taken one, so a repeated
 * quote anchors to its next occurrence; if every occurrence overlaps, the first one is still used
 * (overlapping quotes beat a comment with no anchor).
 */
export function locateQuote(memo: string, quote: string, taken: Array<[number, number]> = []): Anchor {
  const q = quote.trim();
  if (!q) return { anchored: false };
  let fallback: Anchor = { anchored: false };
  for (const [match, ranges] of tiers(memo, q)) {
    for (const [start, end] of ranges) {
      const hit: Anchor = { anchored: true, start, end, match };
      if (!taken.some(([a, b]) => start < b && a < end)) return hit;
      if (!fallback.anchored) fallback = hit;
    }
  }
  return fallback;
}
