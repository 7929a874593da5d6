import { EVENT_ID, YAMLException, load, parseEvents, type Event } from 'js-yaml';

/** A config problem, located by file, dotted path and (when known) line. */
export interface ConfigIssue {
  file: string;
  path: string;
  line?: number;
  message: string;
}

export type PathKey = string | number;

/** Parsed YAML plus a way to find the line of any path inside it. */
export interface YamlSource {
  data: unknown;
  lineOf(path: readonly PathKey[]): number | undefined;
}

/** Formats a path as `criteria[2].weight`. */
export function formatPath(path: readonly PathKey[]): string {
  return path.map((k, i) => (typeof k === 'number' ? `[${k}]` : i === 0 ? k : `.${k}`)).join('') || '(root)';
}

export function formatIssue(i: ConfigIssue): string {
  return `${i.file}${i.line ? `:${i.line}` : ''} ${i.path}: ${i.message}`;
}

/** Parses YAML text; a syntax error becomes an issue carrying its line. */
export function parseYaml(text: string, file: string): YamlSource | ConfigIssue {
  try {
    const data = load(text, { filename: file });
    const offsets = pathOffsets(text);
    const lineStarts = lineStartOffsets(text);
    return {
      data,
      lineOf(path) {
        for (let n = path.length; n >= 0; n--) {
          const off = offsets.get(path.slice(0, n).join('\u0000'));
          if (off !== undefined) return lineAt(lineStarts, off);
        }
        return undefined;
      },
    };
  } catch (err) {
    if (err instanceof YAMLException) {
      return { file, path: '(syntax)', line: err.mark ? err.mark.line + 1 : undefined, message: err.reason };
    }
    return { file, path: '(syntax)', message: String(err) };
  }
}

function lineStartOffsets(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  return starts;
}

function lineAt(starts: number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

interface Frame {
  kind: 'map' | 'seq';
  path: PathKey[];
  index: number;
  pendingKey?: string;
}

/** Walks the parser's event stream and records where each mapping key and sequence item starts. */
function pathOffsets(text: string): Map<string, number> {
  const out = new Map<string, number>();
  const stack: Frame[] = [];
  const record = (path: PathKey[], off: number) => {
    const k = path.join('\u0000');
    // An empty value has no position (-1): leave it out so lookups fall back to its parent.
    if (off >= 0 && !out.has(k)) out.set(k, off);
  };
  // Returns the path of the value now starting, or undefined when it is a mapping key.
  const place = (start: number, keyText: string | undefined): PathKey[] | undefined => {
    const top = stack[stack.length - 1];
    if (!top) return [];
    if (top.kind === 'seq') {
      const p = [...top.path, top.index++];
      record(p, start);
      return p;
    }
    if (top.pendingKey === undefined) {
      top.pendingKey = keyText ?? '';
      record([...top.path, top.pendingKey], start);
      return undefined;
    }
    const p = [...top.path, top.pendingKey];
    top.pendingKey = undefined;
    return p;
  };
  for (const ev of parseEvents(text, {}) as Event[]) {
    if (ev.type === EVENT_ID.MAPPING || ev.type === EVENT_ID.SEQUENCE) {
      const p = place(ev.start, undefined) ?? [];
      stack.push({ kind: ev.type === EVENT_ID.MAPPING ? 'map' : 'seq', path: p, index: 0 });
    } else if (ev.type === EVENT_ID.SCALAR) {
      place(ev.valueStart, text.slice(ev.valueStart, ev.valueEnd).replace(/^["']|["']$/g, ''));
    } else if (ev.type === EVENT_ID.ALIAS) {
      place(ev.anchorStart, undefined);
    } else if (ev.type === EVENT_ID.POP) {
      stack.pop();
    }
  }
  return out;
}
