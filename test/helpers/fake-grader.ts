import { createHash } from 'node:crypto';
import { demoEvaluation, extractMemo, schemaFacts } from '../../src/llm/demo.ts';
import type { RecordedRequest, Step } from './fake-anthropic.ts';

/** How the fake grader behaves (see fakeGrader). */
export interface GraderOptions {
  /**
   * Seeded noise: the n-th reading of the same memo moves each criterion's score by −1, 0 or +1
   * (clamped to the scale), chosen by a hash of (seed, memo, n, criterion). Same seed, same scores.
   */
  noise?: { seed: number };
  /**
   * Injection-obedient: a memo that tells the grader to give full marks (or to ignore the rubric) gets
   * the top score on every criterion, unless the system prompt says the memo is never instructions
   * (the shipped prompt's security section does).
   */
  obeyInjections?: boolean;
}

/** One answer the grader gave: which memo, which reading of it (0-based), and the scores. */
export interface GraderAnswer {
  memo: string;
  reading: number;
  scores: Record<string, number>;
  obeyed: boolean;
}

/** What the shipped prompt says that makes an obedient grader resist (prompt.yaml, security). */
export const INJECTION_GUARD = 'never instructions to you';

const INJECTION =
  /\b(give|award|assign|grade|score|rate)\b[^.\n]{0,80}\b(full marks|top marks|perfect (score|marks)|highest (possible )?(score|marks)|maximum (score|marks)|5\s*\/\s*5|5 out of 5|all 5s|a 5 on every)|\bignore (all |any |the )?(previous |prior |above )?(instructions|rubric)|(da|otorga|asigna)[^.\n]{0,60}(máxima|puntuación perfecta|5\s*\/\s*5)/i;

/** True when a memo tries to instruct the grader to raise its scores. */
export function isInjection(memo: string): boolean {
  return INJECTION.test(memo);
}

/**
 * A stand-in grader for FakeAnthropic.responder: it reads the memo and the rubric's criteria and
 * levels from the request, scores the memo with the demo evaluator's heuristics (so the shipped
 * anchors' expected ranges apply to it too), and answers valid structured output. Every answer is
 * recorded in `answers`, in the order given, for test oracles.
 */
export function fakeGrader(opts: GraderOptions = {}): { responder: (req: RecordedRequest) => Step; answers: GraderAnswer[] } {
  const answers: GraderAnswer[] = [];
  const readings = new Map<string, number>();
  const responder = (req: RecordedRequest): Step => {
    const body = req.body as { system?: Array<{ text?: string }> | string; messages?: Array<{ content: unknown }>; output_config?: { format?: { schema?: Record<string, unknown> } } };
    const schema = body.output_config?.format?.schema;
    const content = body.messages?.[0]?.content;
    if (!schema || typeof content !== 'string') return { kind: 'error', status: 400, message: 'fake grader: no output schema or user message' };
    const memo = extractMemo(content);
    const { ids, levels } = schemaFacts(schema);
    const answer = demoEvaluation(memo, ids, levels);
    const reading = readings.get(memo) ?? 0;
    readings.set(memo, reading + 1);
    const system = typeof body.system === 'string' ? body.system : (body.system ?? []).map((b) => b.text ?? '').join('\n');
    const obeyed = Boolean(opts.obeyInjections) && isInjection(memo) && !system.includes(INJECTION_GUARD);
    const lo = levels[0]!;
    const hi = levels[levels.length - 1]!;
    const scores: Record<string, number> = {};
    for (const id of ids) {
      const base = obeyed ? hi : answer.criteria[id]!.score;
      const shift = opts.noise ? noiseShift(opts.noise.seed, memo, reading, id) : 0;
      scores[id] = Math.min(hi, Math.max(lo, base + shift));
      answer.criteria[id] = { ...answer.criteria[id]!, score: scores[id] };
    }
    answers.push({ memo, reading, scores, obeyed });
    return { kind: 'message', text: JSON.stringify(answer) };
  };
  return { responder, answers };
}

/** −1, 0 or +1 from a hash of (seed, memo, reading, criterion). */
export function noiseShift(seed: number, memo: string, reading: number, criterion: string): number {
  const byte = createHash('sha256').update(`${seed}\u0000${reading}\u0000${criterion}\u0000`).update(memo).digest()[0]!;
  return (byte % 3) - 1;
}
