/** How the admin history names writers, memos and providers: shared by the table, JSON and CSV. */

/** Memo excerpts in the history are this many characters long. */
export const EXCERPT_CHARS = 80;

/** The username, or "anonymous · " and the first 6 characters of the user id. */
export function writerLabel(username: string | null, writerId: string): string {
  return username ?? `anonymous · ${writerId.slice(0, 6)}`;
}

/** The memo's start on one line, cut at EXCERPT_CHARS characters (code points) with "…". */
export function memoExcerpt(memoStart: string, memoChars: number): string {
  const chars = Array.from(memoStart.replace(/\s+/g, ' ').trim());
  const cut = chars.length > EXCERPT_CHARS || memoChars > EXCERPT_CHARS;
  return cut ? `${chars.slice(0, EXCERPT_CHARS).join('').trimEnd()}…` : chars.join('');
}

/** "demo evaluator" for the offline provider (it must be labelled wherever its output shows), else provider / model. */
export function providerLabel(provider: string | null, model: string | null): string {
  if (!provider) return '–';
  if (provider === 'demo') return 'demo evaluator';
  return model ? `${provider} / ${model}` : provider;
}

/** "850 ms" under a second, else "42 s" / "1 min 5 s"; "–" when the run has not finished. */
export function durationLabel(ms: number | null): string {
  if (ms === null) return '–';
  if (ms < 1000) return `${ms} ms`;
  const s = Math.round(ms / 1000);
  return s < 60 ? `${(ms / 1000).toFixed(1)} s` : `${Math.floor(s / 60)} min ${s % 60} s`;
}
