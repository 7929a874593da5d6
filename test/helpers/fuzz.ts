import { SAMPLE_MEMO } from './outputs.ts';

// Seeded generators of hostile form and query values, and encoders that build request bodies
// byte by byte (so invalid UTF-8, bad percent escapes and broken multipart reach the app as sent).

export type Rand = () => number;
export type Value = string | Uint8Array;

/** FUZZ_SCALE=10 runs ten times as many cases; FUZZ_SEED=n shifts every seed (for exploring off CI). */
export const FUZZ_SCALE = Math.max(1, Number(process.env.FUZZ_SCALE ?? 1) || 1);
const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? 0) || 0;

/** A per-target seed derived from the suite's seed and a name (FNV-1a), so targets don't share a stream. */
export function seedFor(seed: number, name: string): number {
  let h = 0x811c9dc5 ^ seed ^ FUZZ_SEED;
  for (const ch of name) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193);
  return h >>> 0;
}

export const int = (rand: Rand, lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
export const pick = <T>(rand: Rand, xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;

export const XSS_PAYLOADS = [
  '<script>alert("xss-1")</script>',
  '"><img src=x onerror=alert("xss-2")>',
  "'><svg onload=alert('xss-3')>",
  '</textarea><script>alert("xss-4")</script>',
  '<a href="javascript:alert(\'xss-5\')">click</a>',
  '<iframe srcdoc="<script>alert(6)</script>"></iframe>',
  '{{constructor.constructor("alert(7)")()}}',
  '</title></head><body onload=alert("xss-8")>',
] as const;

export const SQL_PAYLOADS = [
  "Robert'); DROP TABLE submissions;--",
  '" OR 1=1 --',
  "' OR '1'='1",
  '100% of _all_ \\ backslashes; -- comment /* c */',
  'NEAR(memo budget) AND "unterminated',
  'text:budget OR ^start * -minus',
  "'; ATTACH DATABASE '/tmp/x.db' AS x;--",
] as const;

export const UNICODE_SAMPLES = [
  '\u202Egnp.exe\u202C right-to-left override',
  'مذكرة: نوصي بالموافقة على الميزانية', // Arabic
  'מזכר: אנו ממליצים לאשר את התקציב', // Hebrew
  '👩‍👩‍👧‍👦 🇺🇸 🏳️‍🌈 memo 💰📈',
  'Z̴̡̛̭̈́͆a̷̢̛l̸̨̛g̵̡̛o̶̧̕ t̷e̴x̵t̶',
  'e\u0301'.repeat(500),
  '\uFEFFBOM and \u200B zero width \u2028 line sep',
  'lone surrogate \uD800 here',
] as const;

const NUMBERS = ['-1', '0', '1', '1e309', 'NaN', 'Infinity', '99999999999999999999', '1.5', ' 3 ', '0x10', '5.0000000001', '٣'];
const DATES = ['2026-02-30', '9999-12-31', '0000-00-00', '2026-13-01', '2026-1-1', '2026-03-31T00:00Z', '2026-03-31'];
const WORDS = ['admin', 'student', 'done', 'failed', 'queued', 'running', 'score', 'duration', 'date', 'asc', 'desc', '__proto__', 'constructor', 'undefined', 'null', 'true'];
export const ODD_KEYS = ['a[b]', 'text[]', 'text[a][b]', '__proto__', 'constructor[prototype]', 'hasOwnProperty', 'toString', '', '=', '&', '%', 'ключ', '🔑'];

/** Invalid UTF-8: stray continuation bytes, truncated and overlong sequences, encoded surrogates. */
export function invalidUtf8(rand: Rand): Uint8Array {
  const pieces = [[0xff], [0xfe, 0xff], [0xc3, 0x28], [0xa0, 0xa1], [0xe2, 0x28, 0xa1], [0xf0, 0x28, 0x8c, 0xbc], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xf8, 0x88, 0x80, 0x80, 0x80], [0x80]];
  const out: number[] = [...Buffer.from('memo ')];
  for (let i = int(rand, 1, 12); i > 0; i--) out.push(...pick(rand, pieces), ...Buffer.from(pick(rand, [' ', 'a', 'é', ''])));
  return Uint8Array.from(out);
}

export function randomBytes(rand: Rand, n: number): Uint8Array {
  return Uint8Array.from({ length: n }, () => Math.floor(rand() * 256));
}

const asciiText = (rand: Rand, n: number) => Array.from({ length: n }, () => String.fromCharCode(int(rand, 32, 126))).join('');

/** One hostile value (string or raw bytes). */
export function fuzzValue(rand: Rand): Value {
  switch (int(rand, 0, 15)) {
    case 0: return '';
    case 1: return asciiText(rand, int(rand, 1, 80));
    case 2: return randomBytes(rand, int(rand, 1, 300));
    case 3: return invalidUtf8(rand);
    case 4: return `before\0after${pick(rand, ['', '\0\0', '%00'])}`;
    case 5: return 'A'.repeat(int(rand, 10_000, 70_000));
    case 6: return pick(rand, UNICODE_SAMPLES);
    case 7: return pick(rand, XSS_PAYLOADS);
    case 8: return pick(rand, SQL_PAYLOADS);
    case 9: return pick(rand, NUMBERS);
    case 10: return pick(rand, DATES);
    case 11: return pick(rand, WORDS);
    case 12: return `${SAMPLE_MEMO}\n${pick(rand, [...XSS_PAYLOADS, ...SQL_PAYLOADS, ...UNICODE_SAMPLES])}`;
    case 13: return '\r\n\t '.repeat(int(rand, 1, 200));
    case 14: return `${pick(rand, UNICODE_SAMPLES)} ${pick(rand, XSS_PAYLOADS)} ${pick(rand, SQL_PAYLOADS)}`;
    default: return '%'.repeat(int(rand, 1, 5)) + pick(rand, ['zz', 'E0%A4%A', 'FF%FE', 'C0%AF', '', '2', 'uD800']);
  }
}

export type Fields = [string, Value][];

/** Fields for one request: each known field present (hostile), absent, or repeated; odd extra keys; sometimes thousands. */
export function fuzzFields(rand: Rand, names: readonly string[], presence = 0.85): Fields {
  const out: Fields = [];
  for (const name of names) {
    const r = rand();
    if (r < 1 - presence) continue;
    out.push([name, fuzzValue(rand)]);
    if (r > 0.85) out.push([name, fuzzValue(rand)]); // text=1&text=2
  }
  if (rand() < 0.3) for (let i = int(rand, 1, 4); i > 0; i--) out.push([pick(rand, ODD_KEYS), fuzzValue(rand)]);
  if (rand() < 0.08) for (let i = int(rand, 1000, 4000); i > 0; i--) out.push([`f${i}`, String(i)]);
  return out;
}

const bytes = (v: Value) => (typeof v === 'string' ? Buffer.from(v, 'utf8') : Buffer.from(v));

/** application/x-www-form-urlencoded as a browser would send it (valid UTF-8, percent-encoded). */
export function urlencoded(fields: Fields): string {
  return fields.map(([k, v]) => `${encodeURIComponent(toWellFormed(k))}=${typeof v === 'string' ? encodeURIComponent(toWellFormed(v)) : [...v].map((b) => `%${b.toString(16).padStart(2, '0').toUpperCase()}`).join('')}`).join('&');
}

/** urlencoded with raw bytes left unescaped (invalid UTF-8, stray % and & straight on the wire). */
export function rawUrlencoded(fields: Fields): Uint8Array {
  const parts = fields.map(([k, v]) => Buffer.concat([Buffer.from(k), Buffer.from('='), bytes(v)]));
  return Buffer.concat(parts.flatMap((p, i) => (i ? [Buffer.from('&'), p] : [p])));
}

/** multipart/form-data with raw value bytes; `fileFields` are sent as file parts. */
export function multipart(fields: Fields, boundary: string, fileFields: readonly string[] = []): Uint8Array {
  const chunks: Buffer[] = [];
  for (const [k, v] of fields) {
    const file = fileFields.includes(k) ? `; filename="${k}.csv"\r\nContent-Type: text/csv` : '';
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k.replace(/"/g, '%22')}"${file}\r\n\r\n`), bytes(v), Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return Buffer.concat(chunks);
}

/** String.prototype.toWellFormed (Node 20+): lone surrogates become U+FFFD, as browsers send them. */
export function toWellFormed(s: string): string {
  return s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

export interface FuzzBody {
  body: Uint8Array | string;
  contentType: string | undefined;
  label: string;
}

/** One request body for `names`: browser-like, raw bytes, multipart, broken multipart, or garbage. */
export function fuzzBody(rand: Rand, names: readonly string[], fileFields: readonly string[] = []): FuzzBody {
  const fields = fuzzFields(rand, names);
  const boundary = `----fuzz${int(rand, 0, 1e9)}`;
  const r = rand();
  if (r < 0.45) return { body: urlencoded(fields), contentType: 'application/x-www-form-urlencoded', label: 'urlencoded' };
  if (r < 0.65) return { body: rawUrlencoded(fields), contentType: 'application/x-www-form-urlencoded; charset=utf-8', label: 'raw urlencoded' };
  if (r < 0.85) return { body: multipart(fields, boundary, fileFields), contentType: `multipart/form-data; boundary=${boundary}`, label: 'multipart' };
  const garbage = randomBytes(rand, int(rand, 0, 2000));
  const type = pick(rand, ['application/x-www-form-urlencoded', 'multipart/form-data', `multipart/form-data; boundary=${boundary}`, 'multipart/form-data; boundary=', 'text/plain', 'application/json', undefined]);
  if (type?.includes('boundary=-')) return { body: Buffer.concat([Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="text"\r\n\r\n`), garbage]), contentType: type, label: 'truncated multipart' };
  return { body: garbage, contentType: type, label: `garbage (${type ?? 'no type'})` };
}

/** A query string of hostile values for `names` (sometimes with raw invalid percent escapes). */
export function fuzzQuery(rand: Rand, names: readonly string[]): string {
  // Sparse: with ten filters, most requests must still leave most of them valid or absent.
  const fields = fuzzFields(rand, names, Math.min(0.85, 2 / Math.max(1, names.length))).map(([k, v]): [string, Value] => [k, typeof v === 'string' && v.length > 8000 ? v.slice(0, 8000) : v]);
  if (rand() < 0.25) {
    // Raw: keep %-junk as typed, escape only what a URL can't carry.
    return fields.map(([k, v]) => `${encodeURIComponent(k)}=${typeof v === 'string' ? v.replace(/[^\x21-\x7e]|[#&]/g, (ch) => encodeURIComponent(toWellFormed(ch))) : [...v].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('')}`).join('&');
  }
  return urlencoded(fields);
}
