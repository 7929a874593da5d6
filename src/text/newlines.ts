/**
 * Browsers send textarea line breaks as CRLF and old files may use CR; everything stored and
 * compared here uses LF, so hashes, diffs and quote offsets stay stable.
 */
export function normalizeNewlines(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}
