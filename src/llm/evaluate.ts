import type { PromptConfig, Rubric } from '../config/schemas.ts';
import { outputJsonSchema, parseModelOutput, type ModelOutput } from './output-schema.ts';
import { buildReaskMessage, buildSystemPrompt, buildUserMessage } from './prompt.ts';
import { locateQuote } from './quotes.ts';
import { bandFor, overallScore } from './scoring.ts';
import { LlmError, ZERO_USAGE, addUsage, type ChatMessage, type ErrorKind, type LlmProvider, type Usage } from './types.ts';

/** The stored result of a successful evaluation; self-contained, so later rubric edits don't change it. */
export interface EvaluationResult {
  rubricName: string;
  scale: { min: number; max: number; labels: Record<string, string> };
  overall: number;
  band: string;
  criteria: { id: string; name: string; weight: number; score: number; justification: string }[];
  strengths: string[];
  opportunities: string[];
  segments: Segment[];
  demo: boolean;
}

export interface Segment {
  quote: string;
  criterion: string;
  comment: string;
  questions: string[];
  suggestion: string;
  anchored: boolean;
  start?: number;
  end?: number;
}

/** What admins see for every call, whatever the outcome. */
export interface Trace {
  rawPrompt: string;
  rawResponse: string;
  usage: Usage;
  attempts: number;
  latencyMs: number;
}

export type Outcome =
  | { ok: true; result: EvaluationResult; trace: Trace }
  | { ok: false; kind: ErrorKind; message: string; trace: Trace };

export interface EvaluateInput {
  provider: LlmProvider;
  rubric: Rubric;
  prompt: PromptConfig;
  memo: string;
  signal: AbortSignal;
  now?: () => number;
}

/** Build prompt → call provider → validate (one re-ask) → anchor quotes → score. Never throws. */
export async function evaluateMemo(input: EvaluateInput): Promise<Outcome> {
  const { provider, rubric, memo, signal } = input;
  const now = input.now ?? Date.now;
  const started = now();
  const system = buildSystemPrompt(input.prompt, rubric);
  const schema = outputJsonSchema(rubric);
  const messages: ChatMessage[] = [{ role: 'user', content: buildUserMessage(memo) }];
  const responses: string[] = [];
  let usage = ZERO_USAGE;
  let attempts = 0;
  const trace = (): Trace => ({
    rawPrompt: JSON.stringify({ model: provider.model, system, messages, output_schema: schema }, null, 2),
    rawResponse: responses.join('\n\n--- re-ask ---\n\n'),
    usage,
    attempts,
    latencyMs: now() - started,
  });
  const fail = (kind: ErrorKind, message: string): Outcome => ({ ok: false, kind, message, trace: trace() });

  for (let round = 0; round < 2; round++) {
    let reply;
    try {
      reply = await provider.complete({ system, messages, schema }, signal);
    } catch (err) {
      const e = err instanceof LlmError ? err : new LlmError('unknown', 'Unexpected error', 1);
      attempts += e.attempts;
      return fail(e.kind, e.message);
    }
    attempts += reply.attempts;
    usage = addUsage(usage, reply.usage);
    responses.push(reply.text);
    if (reply.stopReason === 'refusal') return fail('refusal', 'The model declined to evaluate the memo');
    if (reply.stopReason === 'max_tokens') return fail('max_tokens', 'The answer was cut off at the output limit');
    const parsed = parseModelOutput(rubric, reply.text);
    if (parsed.ok) return { ok: true, result: buildResult(rubric, memo, parsed.output, provider.name === 'demo'), trace: trace() };
    if (round === 1) return fail('invalid_output', `The answer did not match the rubric: ${parsed.problems.slice(0, 3).join('; ')}`);
    messages.push({ role: 'assistant', content: reply.text || '(empty)' }, { role: 'user', content: buildReaskMessage(parsed.problems) });
  }
  return fail('unknown', 'unreachable');
}

/** The server's own result: criteria in rubric order, overall computed here, quotes anchored. */
export function buildResult(rubric: Rubric, memo: string, out: ModelOutput, demo: boolean): EvaluationResult {
  const scores = Object.fromEntries(rubric.criteria.map((c) => [c.id, out.criteria[c.id]!.score]));
  const overall = overallScore(rubric, scores);
  const taken: Array<[number, number]> = [];
  const segments = out.segments.map((s): Segment => {
    const a = locateQuote(memo, s.quote, taken);
    if (!a.anchored) return { ...s, questions: s.questions.slice(0, 3), anchored: false };
    taken.push([a.start, a.end]);
    return { ...s, questions: s.questions.slice(0, 3), anchored: true, start: a.start, end: a.end };
  });
  return {
    rubricName: rubric.name,
    scale: { ...rubric.scale },
    overall,
    band: bandFor(rubric, overall),
    criteria: rubric.criteria.map((c) => ({ id: c.id, name: c.name, weight: c.weight, score: scores[c.id]!, justification: out.criteria[c.id]!.justification })),
    strengths: out.strengths,
    opportunities: out.opportunities,
    segments,
    demo,
  };
}
