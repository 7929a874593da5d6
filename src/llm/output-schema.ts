import * as v from 'valibot';
import type { Rubric } from '../config/schemas.ts';
import type { CriterionCheck } from './criteria-stream.ts';

/** Scale levels as integers, e.g. [1, 2, 3, 4, 5]. */
export function scaleLevels(rubric: Rubric): number[] {
  const out: number[] = [];
  for (let s = rubric.scale.min; s <= rubric.scale.max; s++) out.push(s);
  return out;
}

/**
 * The JSON schema sent as the structured-output format. It stays inside the subset the API accepts
 * (all keys required, no extra keys, minItems 0 or 1 only, no numeric or length limits: those are
 * enforced by modelOutputSchema below). Justification comes before score so the model reasons first.
 */
export function outputJsonSchema(rubric: Rubric): Record<string, unknown> {
  const ids = rubric.criteria.map((c) => c.id);
  const criterion = {
    type: 'object',
    properties: {
      justification: { type: 'string' },
      score: { type: 'integer', enum: scaleLevels(rubric) },
    },
    required: ['justification', 'score'],
    additionalProperties: false,
  };
  const strings = { type: 'array', items: { type: 'string' }, minItems: 1 };
  return {
    type: 'object',
    properties: {
      criteria: {
        type: 'object',
        properties: Object.fromEntries(ids.map((id) => [id, criterion])),
        required: ids,
        additionalProperties: false,
      },
      strengths: strings,
      opportunities: strings,
      segments: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            quote: { type: 'string' },
            criterion: { type: 'string', enum: ids },
            comment: { type: 'string' },
            questions: strings,
            suggestion: { type: 'string' },
          },
          required: ['quote', 'criterion', 'comment', 'questions', 'suggestion'],
          additionalProperties: false,
        },
      },
    },
    required: ['criteria', 'strengths', 'opportunities', 'segments'],
    additionalProperties: false,
  };
}

const nonEmpty = v.pipe(v.string('must be text'), v.trim(), v.nonEmpty('must not be empty'));
const list = (min: number, max: number) =>
  v.pipe(v.array(nonEmpty, 'must be a list'), v.minLength(min, `needs at least ${min}`), v.maxLength(max, `at most ${max}`));

/** Segments past this many are dropped (the page has room for a dozen comments). */
const MAX_SEGMENTS = 12;

/** One segment, checked on its own: a malformed one is dropped, not the whole evaluation. */
function segmentSchema(ids: [string, ...string[]]) {
  return v.strictObject(
    {
      quote: nonEmpty,
      criterion: v.picklist(ids, 'must be one of the criterion ids'),
      comment: nonEmpty,
      questions: list(1, 5),
      suggestion: v.pipe(v.string('must be text'), v.trim()),
    },
    'must be an object with exactly quote, criterion, comment, questions, suggestion',
  );
}

/** One criterion's value: a non-empty justification and an integer score on the rubric's scale. */
function criterionSchema(rubric: Rubric) {
  const levels = scaleLevels(rubric);
  const lo = levels[0]!;
  const hi = levels[levels.length - 1]!;
  const score = v.pipe(
    v.number('score must be a number'),
    v.integer('score must be a whole number'),
    v.minValue(lo, `score must be at least ${lo}`),
    v.maxValue(hi, `score must be at most ${hi}`),
  );
  return v.strictObject({ justification: nonEmpty, score }, 'must be an object with exactly justification and score');
}

/** The check a streamed criterion passes before it is saved: a rubric id and the same rule as the final validation. */
export function criterionCheck(rubric: Rubric): CriterionCheck {
  const schema = criterionSchema(rubric);
  const ids = new Set(rubric.criteria.map((c) => c.id));
  return (id, raw) => {
    if (!ids.has(id)) return undefined;
    const r = v.safeParse(schema, raw);
    return r.success ? r.output : undefined;
  };
}

/** The server's own check of the model's output; it never trusts the provider's schema enforcement. */
export function modelOutputSchema(rubric: Rubric) {
  const criterion = criterionSchema(rubric);
  const exact = 'must hold exactly the criterion ids';
  return v.strictObject(
    {
      criteria: v.strictObject(Object.fromEntries(rubric.criteria.map((c) => [c.id, criterion])), exact),
      strengths: list(1, 8),
      opportunities: list(1, 8),
      segments: v.array(v.unknown(), 'must be a list'),
    },
    'must be an object with exactly criteria, strengths, opportunities, segments',
  );
}

type Segment = { quote: string; criterion: string; comment: string; questions: string[]; suggestion: string };

export type ModelOutput = {
  criteria: Record<string, { justification: string; score: number }>;
  strengths: string[];
  opportunities: string[];
  segments: Segment[];
};

/** ok: the output, plus notes on segments that were dropped; not ok: problems phrased for a re-ask. */
export type ParsedOutput = { ok: true; output: ModelOutput; dropped: string[] } | { ok: false; problems: string[] };

/** Parses the model's text as JSON and checks it against the rubric. */
export function parseModelOutput(rubric: Rubric, text: string): ParsedOutput {
  let json: unknown;
  try {
    json = JSON.parse(stripFences(text));
  } catch {
    return { ok: false, problems: ['the response was not valid JSON (complete it and close every bracket)'] };
  }
  const known = new Set([...rubric.criteria.map((c) => c.id), 'criteria', 'strengths', 'opportunities', 'segments', 'justification', 'score']);
  const res = v.safeParse(modelOutputSchema(rubric), json);
  if (!res.success) return { ok: false, problems: res.issues.slice(0, 20).map((i) => describeIssue(i, known)) };
  const { segments, dropped } = checkSegments(rubric, res.output.segments, known);
  return { ok: true, output: { ...(res.output as Omit<ModelOutput, 'segments'>), segments }, dropped };
}

/** Keeps the valid segments (up to MAX_SEGMENTS); says why each other one was dropped. */
function checkSegments(rubric: Rubric, raw: unknown[], known: Set<string>): { segments: Segment[]; dropped: string[] } {
  const schema = segmentSchema(rubric.criteria.map((c) => c.id) as [string, ...string[]]);
  const segments: Segment[] = [];
  const dropped: string[] = [];
  const segmentKeys = new Set([...known, 'quote', 'criterion', 'comment', 'questions', 'suggestion']);
  raw.forEach((item, i) => {
    const r = v.safeParse(schema, item);
    if (!r.success) dropped.push(`segments.${i} dropped: ${r.issues.slice(0, 3).map((x) => describeIssue(x, segmentKeys)).join('; ')}`);
    else if (segments.length >= MAX_SEGMENTS) dropped.push(`segments.${i} dropped: more than ${MAX_SEGMENTS} segments`);
    else segments.push(r.output);
  });
  return { segments, dropped };
}

/**
 * An issue as `path: message`, built only from our own words: valibot's default messages quote the
 * received value, and a key the model invented could carry instructions, so neither is repeated.
 */
function describeIssue(issue: v.BaseIssue<unknown>, known: Set<string>): string {
  const keys = (issue.path ?? []).map((p) => p.key);
  const safe = keys.map((k) => (typeof k === 'number' || known.has(String(k)) ? `.${String(k)}` : '.(unexpected key)'));
  const last = keys[keys.length - 1];
  const unexpected = last !== undefined && typeof last !== 'number' && !known.has(String(last));
  return `${safe.join('').replace(/^\./, '') || '(root)'}: ${unexpected ? 'is not allowed here' : issue.message}`;
}

function stripFences(text: string): string {
  const m = /^\s*```(?:json)?\s*([\s\S]*?)\s*```\s*$/.exec(text);
  return m ? m[1]! : text;
}
