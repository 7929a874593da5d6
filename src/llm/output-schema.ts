import * as v from 'valibot';
import type { Rubric } from '../config/schemas.ts';

/** Scale levels as integers, e.g. [1, 2, 3, 4, 5]. */
export function scaleLevels(rubric: Rubric): number[] {
  const out: number[] = [];
  for (let s = rubric.scale.min; s <= rubric.scale.max; s++) out.push(s);
  return out;
}

/**
 * The JSON schema sent as the structured-output format. It stays inside the subset every
 * provider accepts (all keys required, no extra keys, no numeric or length limits: those are
 * enforced by modelOutputSchema below).
 */
export function outputJsonSchema(rubric: Rubric): Record<string, unknown> {
  const ids = rubric.criteria.map((c) => c.id);
  const criterion = {
    type: 'object',
    properties: {
      score: { type: 'integer', enum: scaleLevels(rubric) },
      justification: { type: 'string' },
    },
    required: ['score', 'justification'],
    additionalProperties: false,
  };
  const strings = { type: 'array', items: { type: 'string' } };
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

const nonEmpty = v.pipe(v.string(), v.trim(), v.nonEmpty('must not be empty'));
const list = (min: number, max: number) =>
  v.pipe(v.array(nonEmpty), v.minLength(min, `needs at least ${min}`), v.maxLength(max, `at most ${max}`));

/** The server's own check of the model's output; it never trusts the provider's schema enforcement. */
export function modelOutputSchema(rubric: Rubric) {
  const ids = rubric.criteria.map((c) => c.id) as [string, ...string[]];
  const levels = scaleLevels(rubric);
  const score = v.pipe(
    v.number(),
    v.integer('score must be a whole number'),
    v.minValue(levels[0]!, `score must be at least ${levels[0]}`),
    v.maxValue(levels[levels.length - 1]!, `score must be at most ${levels[levels.length - 1]}`),
  );
  const criterion = v.strictObject({ score, justification: nonEmpty });
  return v.strictObject({
    criteria: v.strictObject(Object.fromEntries(ids.map((id) => [id, criterion]))),
    strengths: list(1, 8),
    opportunities: list(1, 8),
    segments: v.pipe(
      v.array(
        v.strictObject({
          quote: nonEmpty,
          criterion: v.picklist(ids),
          comment: nonEmpty,
          questions: list(1, 5),
          suggestion: v.pipe(v.string(), v.trim()),
        }),
      ),
      v.maxLength(12, 'at most 12 segments'),
    ),
  });
}

export type ModelOutput = {
  criteria: Record<string, { score: number; justification: string }>;
  strengths: string[];
  opportunities: string[];
  segments: { quote: string; criterion: string; comment: string; questions: string[]; suggestion: string }[];
};

export type ParsedOutput = { ok: true; output: ModelOutput } | { ok: false; problems: string[] };

/** Parses the model's text as JSON and checks it against the rubric; problems are phrased for a re-ask. */
export function parseModelOutput(rubric: Rubric, text: string): ParsedOutput {
  let json: unknown;
  try {
    json = JSON.parse(stripFences(text));
  } catch {
    return { ok: false, problems: ['the response was not valid JSON'] };
  }
  const res = v.safeParse(modelOutputSchema(rubric), json);
  if (res.success) return { ok: true, output: res.output as ModelOutput };
  return {
    ok: false,
    problems: res.issues.slice(0, 20).map((i) => `${v.getDotPath(i) ?? '(root)'}: ${i.message}`),
  };
}

function stripFences(text: string): string {
  const m = /^\s*```(?:json)?\s*([\s\S]*?)\s*```\s*$/.exec(text);
  return m ? m[1]! : text;
}
