import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as v from 'valibot';
import type { Rubric } from '../config/schemas.ts';
import { formatIssue, formatPath, parseYaml, type ConfigIssue, type PathKey } from '../config/yaml-source.ts';

const range = v.pipe(
  v.tuple([v.number(), v.number()]),
  v.check(([lo, hi]) => lo <= hi, 'a range is [min, max] with min ≤ max'),
);

/** One anchor memo: a memo with the scores a competent grader must give it (config/anchors/<id>.yaml). */
export const AnchorSchema = v.strictObject({
  id: v.pipe(v.string(), v.regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'lower-case letters, digits and dashes, at most 64')),
  title: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(200)),
  tags: v.optional(v.array(v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(40))), []),
  memo: v.pipe(v.string(), v.minLength(1, 'the memo is empty')),
  expected: v.strictObject({
    overall: range,
    /** Criterion id → [min, max]; a criterion left out is not checked. */
    criteria: v.optional(v.record(v.string(), range), {}),
  }),
});

export type Anchor = v.InferOutput<typeof AnchorSchema>;

/** An anchor as a calibration uses it: with the version it comes from (0 = the shipped file). */
export interface VersionedAnchor {
  anchor: Anchor;
  version: number;
}

export type AnchorParse = { ok: true; anchor: Anchor } | { ok: false; issues: ConfigIssue[] };

/** Parses and checks one anchor's YAML text; issues carry the line, like the config editor's. */
export function parseAnchor(text: string, file: string): AnchorParse {
  const src = parseYaml(text, file);
  if (!('lineOf' in src)) return { ok: false, issues: [src] };
  const parsed = v.safeParse(AnchorSchema, src.data);
  if (parsed.success) return { ok: true, anchor: parsed.output };
  const issues = parsed.issues.map((i): ConfigIssue => {
    const path: PathKey[] = (i.path ?? []).map((p) => (typeof p.key === 'number' || typeof p.key === 'string' ? p.key : String(p.key)));
    return { file, path: formatPath(path), line: src.lineOf(path), message: i.message };
  });
  return { ok: false, issues };
}

/** One misfit of an anchor against a rubric, with the path in the anchor's YAML it concerns. */
interface Misfit {
  path: PathKey[];
  /** Said after the path (issues show the path themselves). */
  message: string;
  /** The whole sentence, path included. */
  text: string;
}

function misfitsOf(anchor: Anchor, rubric: Rubric): Misfit[] {
  const ids = new Set(rubric.criteria.map((c) => c.id));
  const { min, max } = rubric.scale;
  const out: Misfit[] = [];
  const offScale = ([lo, hi]: [number, number]) => lo < min || hi > max;
  const scale = `outside the rubric's scale ${min}–${max}`;
  if (offScale(anchor.expected.overall)) out.push({ path: ['expected', 'overall'], message: scale, text: `expected.overall is ${scale}` });
  for (const [id, r] of Object.entries(anchor.expected.criteria)) {
    const path = ['expected', 'criteria', id];
    const unknown = `the rubric has no criterion "${id}"`;
    if (!ids.has(id)) out.push({ path, message: unknown, text: `expected.criteria.${id}: ${unknown}` });
    else if (offScale(r)) out.push({ path, message: scale, text: `expected.criteria.${id} is ${scale}` });
  }
  return out;
}

/** Why an anchor can't be checked against this rubric (unknown criterion ids, ranges off the scale); empty when it fits. */
export function anchorMisfits(anchor: Anchor, rubric: Rubric): string[] {
  return misfitsOf(anchor, rubric).map((m) => m.text);
}

/** Parses one anchor's YAML text and checks it fits `rubric`; every problem carries its line. */
export function checkAnchor(text: string, file: string, rubric: Rubric): AnchorParse {
  const res = parseAnchor(text, file);
  if (!res.ok) return res;
  const misfits = misfitsOf(res.anchor, rubric);
  if (!misfits.length) return res;
  return { ok: false, issues: misfits.map((m) => ({ file, path: formatPath(m.path), line: lineIn(text, file, m.path), message: m.message })) };
}

/** The line of a path in valid YAML text (for problems found after parsing). */
function lineIn(text: string, file: string, path: PathKey[]): number | undefined {
  const src = parseYaml(text, file);
  return 'lineOf' in src ? src.lineOf(path) : undefined;
}

/** The anchor files of a directory (none if it doesn't exist), sorted. */
function anchorFiles(dir: string): string[] {
  try {
    return readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort();
  } catch {
    return [];
  }
}

/** Reads every anchor file in `dir`; with a rubric, a misfit is a problem too. `label` names a file in issues. */
function readAnchorDir(dir: string, label: (f: string) => string, rubric?: Rubric): { anchors: Anchor[]; issues: ConfigIssue[] } {
  const anchors: Anchor[] = [];
  const issues: ConfigIssue[] = [];
  for (const f of anchorFiles(dir)) {
    const file = label(f);
    const text = readFileSync(join(dir, f), 'utf8');
    const res = rubric ? checkAnchor(text, file, rubric) : parseAnchor(text, file);
    if (!res.ok) issues.push(...res.issues);
    else if (`${res.anchor.id}.yaml` !== f) issues.push({ file, path: 'id', line: lineIn(text, file, ['id']), message: `id "${res.anchor.id}" must match the file name (${f.slice(0, -5)})` });
    else anchors.push(res.anchor);
  }
  return { anchors, issues };
}

/** The anchors shipped in `dir` (config/anchors), sorted by id; throws with every problem found. */
export function loadShippedAnchors(dir: string): Anchor[] {
  const { anchors, issues } = readAnchorDir(dir, (f) => `anchors/${f}`);
  if (issues.length) throw new Error(`invalid anchor memos:\n  ${issues.map(formatIssue).join('\n  ')}`);
  return anchors;
}

/** Every problem with the shipped anchors of a config directory (`<configDir>/anchors`) against the shipped rubric: the start-up check. */
export function shippedAnchorIssues(configDir: string, rubric: Rubric): ConfigIssue[] {
  const dir = join(configDir, 'anchors');
  return readAnchorDir(dir, (f) => join(dir, f), rubric).issues;
}

/** How many anchors are shipped in a config directory (for `npm run validate-config`). */
export function shippedAnchorCount(configDir: string): number {
  return anchorFiles(join(configDir, 'anchors')).length;
}

/** A content hash of an anchor set, so a run records exactly which anchors it measured. */
export function anchorsHash(anchors: readonly VersionedAnchor[]): string {
  const h = createHash('sha256');
  for (const { anchor } of [...anchors].sort((a, b) => a.anchor.id.localeCompare(b.anchor.id))) h.update(JSON.stringify(anchor)).update('\n');
  return h.digest('hex').slice(0, 12);
}

const shippedCache = new Map<string, Anchor[]>();

/** The shipped anchors of a config directory (`<configDir>/anchors`), read once per directory. Throws if any is invalid. */
export function shippedAnchorsIn(configDir: string): Anchor[] {
  let anchors = shippedCache.get(configDir);
  if (!anchors) {
    anchors = loadShippedAnchors(join(configDir, 'anchors'));
    shippedCache.set(configDir, anchors);
  }
  return anchors;
}
