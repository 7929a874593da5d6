import { describe, expect, it } from 'vitest';
import { shippedConfig } from '../../test/helpers/shipped-config.ts';
import { validOutput } from '../../test/helpers/outputs.ts';
import { CriteriaStream, type StreamedCriterion } from './criteria-stream.ts';
import { criterionCheck, parseModelOutput } from './output-schema.ts';

const { rubric } = shippedConfig();
const ids = rubric.criteria.map((c) => c.id);

/** Feeds `text` cut at the given offsets; returns what each piece completed. */
function feed(text: string, cuts: number[]): StreamedCriterion[][] {
  const reader = new CriteriaStream(criterionCheck(rubric));
  const bounds = [0, ...cuts, text.length];
  return bounds.slice(1).map((end, i) => reader.push(text.slice(bounds[i], end)));
}

const flat = (steps: StreamedCriterion[][]) => steps.flat();

describe('CriteriaStream', () => {
  const answer = JSON.stringify(validOutput(rubric));

  it('yields each criterion once, in order, whatever the chunk boundaries (every single cut point)', () => {
    const expected = rubric.criteria.map((c) => ({ id: c.id, score: 3, justification: `Justification for ${c.id}.` }));
    expect(flat(feed(answer, []))).toEqual(expected);
    for (let cut = 1; cut < answer.length; cut++) expect(flat(feed(answer, [cut]))).toEqual(expected);
    const oneByOne = feed(answer, [...Array(answer.length - 1).keys()].map((i) => i + 1));
    expect(flat(oneByOne)).toEqual(expected);
  });

  it('reports a criterion as soon as its closing brace arrives, before the rest of the answer', () => {
    const first = answer.indexOf('}', answer.indexOf(ids[0]!)) + 1;
    const steps = feed(answer, [first - 1, first]);
    expect(steps[0]).toEqual([]);
    expect(steps[1]!.map((c) => c.id)).toEqual([ids[0]]);
  });

  it('decodes escaped quotes, backslashes, newlines and \\u escapes (surrogate pairs too) split across chunks', () => {
    const justification = 'She said "approve" \\ then left.\nNext: café \u00e9 — 😀 done';
    const out = validOutput(rubric);
    out.criteria[ids[1]!] = { justification, score: 4 };
    // JSON.stringify keeps é and 😀 as they are; write them as \u escapes as a model may.
    const text = JSON.stringify(out).replace('é', '\\u00e9').replace('😀', '\\ud83d\\ude00');
    expect(parseModelOutput(rubric, text).ok).toBe(true);
    for (let cut = text.indexOf(justification.slice(0, 5)); cut < text.indexOf('done'); cut++) {
      const got = flat(feed(text, [cut, cut + 3])).find((c) => c.id === ids[1]);
      expect(got).toEqual({ id: ids[1], score: 4, justification });
    }
  });

  it('skips a criterion that is not valid yet and still yields the valid ones after it', () => {
    const out = validOutput(rubric) as unknown as { criteria: Record<string, unknown> };
    out.criteria[ids[0]!] = { justification: 'Too high.', score: 99 };
    out.criteria[ids[1]!] = { justification: '   ', score: 3 };
    out.criteria[ids[2]!] = { justification: 'Fractional.', score: 2.5 };
    out.criteria[ids[3]!] = { justification: 'Nested.', score: 3, extra: { a: 1 } };
    const got = flat(feed(JSON.stringify(out), [17, 40, 41]));
    expect(got.map((c) => c.id)).toEqual(ids.slice(4));
  });

  it('ignores unknown ids, objects outside criteria, and a code fence before the JSON', () => {
    const text = '```json\n' + JSON.stringify({ criteria: { nope: { justification: 'x', score: 3 }, [ids[0]!]: { justification: 'ok', score: 2 } }, segments: [{ criterion: ids[1], justification: 'y', score: 3 }] }) + '\n```';
    expect(flat(feed(text, [5, 30]))).toEqual([{ id: ids[0], score: 2, justification: 'ok' }]);
  });

  it('yields nothing twice when a criterion id repeats', () => {
    const text = `{"criteria":{"${ids[0]}":{"justification":"a","score":2},"${ids[0]}":{"justification":"b","score":3}}}`;
    expect(flat(feed(text, []))).toEqual([{ id: ids[0], score: 2, justification: 'a' }]);
  });
});
