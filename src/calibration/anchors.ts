import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as v from 'valibot';
import type { Rubric } from '../config/schemas.ts';
import { formatPath, parseYaml, type ConfigIssue, type PathKey } from '../config/yaml-source.ts';

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

/** Why an anchor can't be checked against this rubric (unknown criterion ids, ranges off the scale); empty when it fits. */
export function anchorMisfits(anchor: Anchor, rubric: Rubric): string[] {
  const ids = new Set(rubric.criteria.map((c) => c.id));
  const { min, max } = rubric.scale;
  const out: string[] = [];
  const offScale = ([lo, hi]: [number, number]) => lo < min || hi > max;
  if (offScale(anchor.expected.overall)) out.push(`expected.overall is outside the rubric's scale ${min}–${max}`);
  for (const [id, r] of Object.entries(anchor.expected.criteria)) {
    if (!ids.has(id)) out.push(`expected.criteria.${id}: the rubric has no criterion "${id}"`);
    else if (offScale(r)) out.push(`expected.criteria.${id} is outside the rubric's scale ${min}–${max}`);
  }
  return out;
}

/** The anchors shipped in `dir` (config/anchors), sorted by id; throws with every problem found. */
export function loadShippedAnchors(dir: string): Anchor[] {
  let files: string[];
  try {
    files = readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort();
  } catch {
    return [];
  }
  const anchors: Anchor[] = [];
  const problems: string[] = [];
  for (const f of files) {
    const res = parseAnchor(readFileSync(join(dir, f), 'utf8'), `anchors/${f}`);
    if (!res.ok) problems.push(...res.issues.map((i) => `${i.file}${i.line ? `:${i.line}` : ''} ${i.path}: ${i.message}`));
    else if (`${res.anchor.id}.yaml` !== f) problems.push(`anchors/${f}: id "${res.anchor.id}" must match the file name`);
    else anchors.push(res.anchor);
  }
  if (problems.length) throw new Error(`invalid anchor memos:\n  ${problems.join('\n  ')}`);
  return anchors;
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
