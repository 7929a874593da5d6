// An incremental reader of the model's JSON answer: it finds each `criteria.<id>` object the moment
// its closing brace arrives, so a criterion can be saved while the rest is still being written.
// It only watches; the whole answer is still parsed and validated at the end (parseModelOutput).

/** One criterion as it arrived, already checked. */
export interface StreamedCriterion {
  id: string;
  score: number;
  justification: string;
}

/** Checks one raw `criteria.<id>` value; the same rule as the final validation (criterionSchema). */
export type CriterionCheck = (id: string, raw: unknown) => { score: number; justification: string } | undefined;

interface Frame {
  kind: 'obj' | 'arr';
  /** The key this container sits under in its parent object. */
  name: string | undefined;
  /** Object only: the current key, and whether the next string is a key or a value. */
  key: string | undefined;
  expectKey: boolean;
  /** Set on a `criteria.<id>` object: the primitive fields seen so far. */
  fields?: Record<string, unknown>;
  /** A criterion object with a nested container in it: never valid. */
  bad?: boolean;
}

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', '"': '"', '\\': '\\', '/': '/' };

/**
 * Feed it text deltas in order (chunk boundaries may fall anywhere, escapes and \u sequences
 * included); `push` returns the criteria completed by that delta that passed `check`, each id
 * once. Anything before the first `{` (a code fence) is skipped.
 */
export class CriteriaStream {
  readonly done: StreamedCriterion[] = [];
  #frames: Frame[] = [];
  #str: string | undefined;
  #escape: string | undefined;
  #token: string | undefined;
  #finished = false;
  #out: StreamedCriterion[] = [];

  constructor(private readonly check: CriterionCheck) {}

  push(delta: string): StreamedCriterion[] {
    this.#out = [];
    for (const ch of delta) if (!this.#finished) this.#char(ch);
    return this.#out;
  }

  #char(ch: string): void {
    if (this.#str !== undefined) return this.#inString(ch);
    if (this.#token !== undefined) {
      if (/[0-9A-Za-z+\-.]/.test(ch)) return void (this.#token += ch);
      this.#value(literal(this.#token));
      this.#token = undefined;
    }
    if (this.#frames.length === 0 && ch !== '{') return;
    if (ch === '{' || ch === '[') return this.#open(ch === '{' ? 'obj' : 'arr');
    if (ch === '}' || ch === ']') return this.#close();
    if (ch === '"') return void (this.#str = '');
    if (ch === ':') return void (this.#top().expectKey = false);
    if (ch === ',' || /\s/.test(ch)) return;
    this.#token = ch;
  }

  #inString(ch: string): void {
    const esc = this.#escape;
    if (esc === undefined) {
      if (ch === '"') {
        const s = this.#str!;
        this.#str = undefined;
        return this.#value(s);
      }
      if (ch === '\\') return void (this.#escape = '');
      return void (this.#str += ch);
    }
    if (esc === '' && ch !== 'u') {
      this.#str += ESCAPES[ch] ?? ch;
      return void (this.#escape = undefined);
    }
    this.#escape = esc + ch; // 'u' then four hex digits
    if (this.#escape.length === 5) {
      this.#str += String.fromCharCode(parseInt(this.#escape.slice(1), 16));
      this.#escape = undefined;
    }
  }

  #top(): Frame {
    return this.#frames[this.#frames.length - 1]!;
  }

  #open(kind: Frame['kind']): void {
    const parent = this.#frames[this.#frames.length - 1];
    if (parent?.fields) parent.bad = true;
    const frame: Frame = { kind, name: parent?.kind === 'obj' ? parent.key : undefined, key: undefined, expectKey: kind === 'obj' };
    const inCriteria = this.#frames.length === 2 && this.#frames[0]!.kind === 'obj' && this.#frames[1]!.name === 'criteria' && this.#frames[1]!.kind === 'obj';
    if (inCriteria && kind === 'obj') frame.fields = {};
    this.#frames.push(frame);
  }

  #close(): void {
    const frame = this.#frames.pop();
    if (frame?.fields && !frame.bad && frame.name !== undefined) this.#criterion(frame.name, frame.fields);
    if (this.#frames.length === 0) this.#finished = true;
    else this.#top().expectKey = true;
  }

  #value(v: unknown): void {
    const top = this.#top();
    if (top.kind !== 'obj') return;
    if (top.expectKey) {
      top.key = typeof v === 'string' ? v : undefined;
      return;
    }
    if (top.fields && top.key !== undefined) top.fields[top.key] = v;
    top.expectKey = true;
  }

  #criterion(id: string, raw: Record<string, unknown>): void {
    if (this.done.some((c) => c.id === id)) return;
    const ok = this.check(id, raw);
    if (!ok) return;
    const c = { id, score: ok.score, justification: ok.justification };
    this.done.push(c);
    this.#out.push(c);
  }
}

function literal(token: string): unknown {
  if (token === 'true') return true;
  if (token === 'false') return false;
  if (token === 'null') return null;
  const n = Number(token);
  return Number.isNaN(n) ? undefined : n;
}
