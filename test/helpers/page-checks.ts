import { expect } from 'vitest';

/** As hono/jsx escapes text and attribute values. */
export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** Signs of a leaked stack trace or internals in a response body. */
const STACK_SIGNS = [
  /\n\s+at [^\n]*\(?[^\n]*:\d+:\d+\)?/, // V8 stack frame
  /node_modules\//,
  /\/src\/[\w/-]+\.tsx?/,
  /\b(?:TypeError|RangeError|SyntaxError|ReferenceError|SqliteError|URIError):/,
];

export function expectNoStackTrace(body: string, where: string): void {
  for (const re of STACK_SIGNS) expect(re.test(body), `${where}: body looks like a stack trace (${re})`).toBe(false);
}

/**
 * An XSS oracle that does not depend on the payload: every real tag in the page (escaped text has
 * no `<`) may carry no event-handler attribute, no javascript: URL, and scripts only load from /static/.
 * Quoted attribute values are blanked first: correct escaping never leaves a raw `"` inside one.
 */
export function expectNoInjectedMarkup(html: string, where: string): void {
  for (const m of html.matchAll(/<([a-zA-Z][\w-]*)\b[^>]*>/g)) {
    const tag = m[0].replace(/"[^"]*"/g, '""');
    expect(/\son[a-z]+\s*=/i.test(tag), `${where}: event handler attribute in ${m[0].slice(0, 200)}`).toBe(false);
    expect(/\s(?:href|src|action|formaction)\s*=\s*"?\s*javascript:/i.test(m[0]), `${where}: javascript: URL in ${m[0].slice(0, 200)}`).toBe(false);
    if (m[1]!.toLowerCase() === 'script') expect(m[0], `${where}: inline or foreign script`).toMatch(/^<script\b[^>]*\bsrc="\/static\//);
  }
  for (const bad of ['<iframe', '<object', '<embed', '<img', '<svg onload']) expect(html.toLowerCase().includes(bad), `${where}: unexpected ${bad}`).toBe(false);
}

/** A well-formed enough answer: a content type (unless an empty redirect), for HTML a complete document, JSON parseable. */
export function expectWellFormed(res: Response, body: string, where: string): void {
  const type = res.headers.get('content-type') ?? '';
  if (res.status >= 300 && res.status < 400 && body === '') {
    expect(res.headers.get('location') ?? res.headers.get('hx-redirect'), `${where}: redirect without a location`).toBeTruthy();
    return;
  }
  expect(type, `${where}: content-type missing`).not.toBe('');
  if (type.startsWith('text/html')) {
    if (body.length > 0) {
      expect(body.trimStart().slice(0, 15).toLowerCase(), `${where}: not an HTML document`).toMatch(/^<!doctype html>|^<[a-z]/);
      if (/^<!doctype/i.test(body.trimStart())) expect(body.trimEnd().endsWith('</html>'), `${where}: HTML document not closed`).toBe(true);
    }
  } else if (type.startsWith('application/json')) {
    expect(() => JSON.parse(body), `${where}: JSON does not parse`).not.toThrow();
  }
}

/** Reads a response and checks the invariants every fuzzed answer must keep. */
export async function checkedBody(res: Response, where: string, allowed: readonly number[] = []): Promise<string> {
  const body = await res.text();
  expect(res.status, `${where}: ${res.status}\n${body.slice(0, 500)}`).toBeLessThan(500);
  expect(res.status, where).toBeGreaterThanOrEqual(200);
  if (allowed.length) expect(allowed, `${where}: unexpected status ${res.status}`).toContain(res.status);
  expectNoStackTrace(body, where);
  expectWellFormed(res, body, where);
  return body;
}

/** One sample's value from Prometheus text output (labels in any order); 0 when absent. */
export function metricValue(text: string, name: string, labels: Record<string, string> = {}): number {
  for (const line of text.split('\n')) {
    const m = /^([a-zA-Z_:][\w:]*)(?:\{([^}]*)\})?\s+(\S+)$/.exec(line);
    if (!m || m[1] !== name) continue;
    const got = Object.fromEntries([...(m[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((x) => [x[1]!, x[2]!]));
    if (Object.entries(labels).every(([k, v]) => got[k] === v) && Object.keys(got).length === Object.keys(labels).length) return Number(m[3]);
  }
  return 0;
}
