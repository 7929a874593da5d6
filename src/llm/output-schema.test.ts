import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validOutput } from '../../test/helpers/outputs.ts';
import type { Rubric } from '../config/schemas.ts';
import { outputJsonSchema, parseModelOutput, scaleLevels, type ModelOutput } from './output-schema.ts';
import { shippedConfig } from '../../test/helpers/shipped-config.ts';

const { rubric } = shippedConfig();
const ids = rubric.criteria.map((c) => c.id);

type JsonNode = {
  type?: string;
  properties?: Record<string, JsonNode>;
  required?: string[];
  additionalProperties?: unknown;
  items?: JsonNode;
  enum?: unknown[];
};

/** Every object-typed node of a JSON schema, with its JSON-pointer-ish path. */
function objectNodes(node: JsonNode, path = '$'): Array<[string, JsonNode]> {
  const out: Array<[string, JsonNode]> = [];
  if (node.type === 'object') out.push([path, node]);
  for (const [k, child] of Object.entries(node.properties ?? {})) out.push(...objectNodes(child, `${path}.${k}`));
  if (node.items) out.push(...objectNodes(node.items, `${path}[]`));
  return out;
}

describe('outputJsonSchema', () => {
  const schema = outputJsonSchema(rubric) as JsonNode;
  const criteria = schema.properties!['criteria']!;
  const segment = schema.properties!['segments']!.items!;

  it('requires every criterion id, and only those', () => {
    expect(criteria.required).toEqual(ids);
    expect(Object.keys(criteria.properties!)).toEqual(ids);
  });

  it('sets additionalProperties: false and requires every property at every object level', () => {
    const nodes = objectNodes(schema);
    // root, criteria, one per criterion, segment item
    expect(nodes.map(([p]) => p)).toEqual(
      expect.arrayContaining(['$', '$.criteria', ...ids.map((id) => `$.criteria.${id}`), '$.segments[]']),
    );
    expect(nodes).toHaveLength(3 + ids.length);
    for (const [path, node] of nodes) {
      expect(node.additionalProperties, path).toBe(false);
      expect([...(node.required ?? [])].sort(), path).toEqual(Object.keys(node.properties ?? {}).sort());
    }
  });

  it('limits each score to the scale levels', () => {
    for (const id of ids) {
      const score = criteria.properties![id]!.properties!['score']!;
      expect(score.type).toBe('integer');
      expect(score.enum).toEqual([1, 2, 3, 4, 5]);
      expect(score.enum).toEqual(scaleLevels(rubric));
    }
  });

  it('follows a different scale', () => {
    const r: Rubric = { ...rubric, scale: { ...rubric.scale, min: 0, max: 3 } };
    const s = outputJsonSchema(r) as JsonNode;
    expect(s.properties!['criteria']!.properties![ids[0]!]!.properties!['score']!.enum).toEqual([0, 1, 2, 3]);
  });

  it('limits a segment’s criterion to the rubric ids', () => {
    expect(segment.properties!['criterion']!.enum).toEqual(ids);
    expect(segment.required).toEqual(['quote', 'criterion', 'comment', 'questions', 'suggestion']);
  });

  it('requires the four top-level fields', () => {
    expect(schema.required).toEqual(['criteria', 'strengths', 'opportunities', 'segments']);
  });
});

describe('parseModelOutput', () => {
  const good = (): ModelOutput => validOutput(rubric, { quotes: ['I recommend we approve $240,000.'] });
  const parse = (o: unknown) => parseModelOutput(rubric, JSON.stringify(o));

  /** Asserts failure and returns the problems. */
  function problems(res: ReturnType<typeof parseModelOutput>): string[] {
    expect(res.ok).toBe(false);
    if (res.ok) throw new Error('unexpectedly valid');
    expect(res.problems.length).toBeGreaterThan(0);
    return res.problems;
  }

  it('accepts a valid answer and returns it', () => {
    const res = parse(good());
    expect(res.ok).toBe(true);
    if (res.ok) expect(res.output).toEqual(good());
  });

  it('accepts an answer with no segments', () => {
    expect(parse(validOutput(rubric)).ok).toBe(true);
  });

  it('accepts JSON wrapped in ```json fences', () => {
    const res = parseModelOutput(rubric, '```json\n' + JSON.stringify(good(), null, 2) + '\n```\n');
    expect(res.ok).toBe(true);
    if (res.ok) expect(res.output).toEqual(good());
  });

  it('accepts JSON wrapped in bare ``` fences', () => {
    expect(parseModelOutput(rubric, '```\n' + JSON.stringify(good()) + '\n```').ok).toBe(true);
  });

  it.each(['{"criteria": ', 'Here is my evaluation: {}', '', 'null,'])('rejects invalid JSON %j', (text) => {
    const p = problems(parseModelOutput(rubric, text));
    expect(p.join(' ')).toMatch(/JSON/);
  });

  it('rejects a missing criterion, naming it', () => {
    const o = good();
    delete (o.criteria as Record<string, unknown>)['risks'];
    const p = problems(parse(o));
    expect(p.some((x) => x.startsWith('criteria.risks'))).toBe(true);
  });

  it('rejects an extra criterion, naming it', () => {
    const o = good();
    (o.criteria as Record<string, unknown>)['tone'] = { score: 3, justification: 'Fine.' };
    const p = problems(parse(o));
    // A key the model made up is never repeated back to it (it could carry instructions).
    expect(p).toContain('criteria.(unexpected key): is not allowed here');
    expect(p.join(' ')).not.toContain('tone');
  });

  it.each([
    [0, /at least 1/],
    [6, /at most 5/],
    [3.5, /whole number/],
    ['3', /number/],
    [null, /number/],
  ])('rejects score %j', (score, message) => {
    const o = good();
    (o.criteria['evidence'] as { score: unknown }).score = score;
    const p = problems(parse(o));
    expect(p).toHaveLength(1);
    expect(p[0]).toMatch(/^criteria\.evidence\.score: /);
    expect(p[0]).toMatch(message);
  });

  it('accepts the boundary scores 1 and 5', () => {
    const o = validOutput(rubric, { scores: { structure: 1, risks: 5 } });
    expect(parse(o).ok).toBe(true);
  });

  it('rejects an empty justification', () => {
    const o = good();
    o.criteria['clarity']!.justification = '   ';
    expect(problems(parse(o))[0]).toMatch(/^criteria\.clarity\.justification: must not be empty/);
  });

  it('rejects an empty strengths array', () => {
    const o = good();
    o.strengths = [];
    const p = problems(parse(o));
    expect(p.some((x) => /^strengths: /.test(x))).toBe(true);
  });

  it('rejects an empty opportunity string', () => {
    const o = good();
    o.opportunities = ['Good point.', ''];
    expect(problems(parse(o)).some((x) => x.startsWith('opportunities.1'))).toBe(true);
  });

  /** Asserts success and returns the notes on dropped segments. */
  function dropped(res: ReturnType<typeof parseModelOutput>): { kept: number; notes: string[] } {
    if (!res.ok) throw new Error(`unexpectedly invalid: ${res.problems.join('; ')}`);
    return { kept: res.output.segments.length, notes: res.dropped };
  }

  it('drops a segment with an unknown criterion and keeps the rest of the answer', () => {
    const o = good();
    const before = o.segments.length;
    o.segments[0]!.criterion = 'tone';
    const d = dropped(parse(o));
    expect(d.kept).toBe(before - 1);
    expect(d.notes).toEqual(['segments.0 dropped: criterion: must be one of the criterion ids']);
  });

  it('drops a segment with no questions or an empty quote, saying why', () => {
    const o = good();
    o.segments[0]!.questions = [];
    o.segments[0]!.quote = '';
    const d = dropped(parse(o));
    expect(d.notes).toHaveLength(1);
    expect(d.notes[0]).toContain('quote: must not be empty');
    expect(d.notes[0]).toContain('questions: needs at least 1');
  });

  it('rejects unknown top-level keys and a missing section', () => {
    const o: Record<string, unknown> = { ...good(), overall: 4.2 };
    delete o['opportunities'];
    const p = problems(parse(o));
    expect(p).toContain('(unexpected key): is not allowed here');
    expect(p.some((x) => x.startsWith('opportunities'))).toBe(true);
  });

  it('reports several problems at once', () => {
    const o = good();
    o.criteria['structure']!.score = 9;
    o.strengths = [];
    o.segments[0]!.criterion = 'nope';
    expect(problems(parse(o)).length).toBeGreaterThanOrEqual(2);
  });
});
