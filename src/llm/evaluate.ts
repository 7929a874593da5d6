import type { EvaluationResult, Segment } from '../evaluations/result.ts';
import { EFFORTS, type Effort, type PromptConfig, type Rubric } from '../config/schemas.ts';
import { AttemptRunner, type AttemptHooks } from './attempts.ts';
import { CriteriaStream, type StreamedCriterion } from './criteria-stream.ts';
import { criterionCheck, outputJsonSchema, parseModelOutput, type ModelOutput } from './output-schema.ts';
import type { ModelPrice } from './prices.ts';
import { buildReaskMessage, buildSystemPrompt, buildUserMessage } from './prompt.ts';
import { locateQuote } from './quotes.ts';
import { bandFor, overallScore } from './scoring.ts';
import { WAIT_KINDS, type ChatMessage, type ErrorKind, type LlmProvider, type LlmRequest, type Usage } from './types.ts';

// The stored result's shape is defined once, as the schema its readers check it with.
export type { EvaluationResult, Segment } from '../evaluations/result.ts';

/** What admins see for every run, whatever the outcome. */
export interface Trace {
  rawPrompt: string;
  rawResponse: string;
  usage: Usage;
  costUsd: number;
  attempts: number;
  latencyMs: number;
}

export type Outcome =
  | { ok: true; result: EvaluationResult; trace: Trace }
  | { ok: false; kind: ErrorKind; message: string; trace: Trace; wait?: ProviderWait };

/** Set when the provider, not the memo, was the problem (429, 529, billing, auth): requeue, don't fail. */
export interface ProviderWait {
  /** From the provider's retry-after header, when it sent one. */
  retryAfterMs: number | undefined;
}

export interface EvaluateInput extends AttemptHooks {
  provider: LlmProvider;
  rubric: Rubric;
  prompt: PromptConfig;
  /** The assignment's brief, for the system prompt ('' or absent: none). */
  context?: string;
  memo: string;
  signal: AbortSignal;
  effort: Effort;
  maxTokens: number;
  /** In-place retries of one call on 5xx, timeouts and connection errors. */
  maxRetries: number;
  /** The model's price when the attempts are made; undefined for the demo evaluator (free). */
  price: ModelPrice | undefined;
  now?: () => number;
  /** Each time the answer streams a new valid criterion: every criterion of the current attempt so far. */
  onCriteria?: (criteria: StreamedCriterion[]) => void;
}

/** The API never writes more than this in one answer. */
const MODEL_MAX_OUTPUT = 128_000;
const CUT_OFF = new Set(['max_tokens', 'model_context_window_exceeded']);

/** More room after a cut-off answer: twice the tokens, or (at the ceiling, or out of context) one effort lower. */
export function moreRoom(b: { maxTokens: number; effort: Effort }, stopReason: string): { maxTokens: number; effort: Effort } {
  const lower = EFFORTS[Math.max(0, EFFORTS.indexOf(b.effort) - 1)]!;
  if (stopReason === 'model_context_window_exceeded' || b.maxTokens >= MODEL_MAX_OUTPUT) return { ...b, effort: lower };
  return { ...b, maxTokens: Math.min(MODEL_MAX_OUTPUT, b.maxTokens * 2) };
}

/**
 * Build prompt → call provider → validate → anchor quotes → score. A cut-off answer gets one retry
 * with more room, an invalid one a single re-ask; rate limits, overload, billing and auth errors end
 * the run early with `wait` set so the caller can requeue it. Never throws.
 */
export async function evaluateMemo(input: EvaluateInput): Promise<Outcome> {
  const { provider, rubric, memo, signal } = input;
  const now = input.now ?? Date.now;
  const started = now();
  const runner = new AttemptRunner(provider, input.price, input.maxRetries, input, now);
  const system = buildSystemPrompt(input.prompt, rubric, input.context);
  const schema = outputJsonSchema(rubric);
  const userMessage = buildUserMessage(memo);
  const responses: string[] = [];
  let req: LlmRequest = { system, messages: [{ role: 'user', content: userMessage }], schema, maxTokens: input.maxTokens, effort: input.effort };
  const trace = (): Trace => ({
    rawPrompt: JSON.stringify({ model: provider.model, effort: req.effort, max_tokens: req.maxTokens, system, messages: req.messages, output_schema: schema }, null, 2),
    rawResponse: responses.join('\n\n--- next attempt ---\n\n'),
    usage: runner.usage,
    costUsd: runner.cost,
    attempts: runner.count,
    latencyMs: now() - started,
  });
  const fail = (kind: ErrorKind, message: string, wait?: ProviderWait): Outcome => ({ ok: false, kind, message, trace: trace(), ...(wait ? { wait } : {}) });
  let grown = false;
  let reasked = false;
  for (;;) {
    const call = await runner.call(req, signal, streamReader(rubric, input.onCriteria));
    if (!call.ok) {
      const e = call.error;
      return fail(e.kind, e.message, WAIT_KINDS.has(e.kind) ? { retryAfterMs: e.detail.retryAfterMs } : undefined);
    }
    const { reply, startedAt } = call;
    responses.push(reply.text);
    if (CUT_OFF.has(reply.stopReason ?? '')) {
      runner.recordReply(req, startedAt, reply, 'max_tokens');
      if (grown) return fail('max_tokens', cutOffMessage(input, req, reply.usage.thinkingTokens));
      grown = true;
      req = { ...req, ...moreRoom(req, reply.stopReason!) };
      continue;
    }
    if (reply.stopReason === 'refusal') {
      runner.recordReply(req, startedAt, reply, 'refusal');
      return fail('refusal', `The model declined to evaluate the memo${reply.refusalCategory ? ` (category: ${reply.refusalCategory})` : ''}`);
    }
    const parsed = parseModelOutput(rubric, reply.text);
    runner.recordReply(req, startedAt, reply, parsed.ok ? 'ok' : 'invalid_output', parsed.ok ? parsed.dropped : parsed.problems);
    if (parsed.ok) return { ok: true, result: buildResult(rubric, memo, parsed.output, provider.name === 'demo'), trace: trace() };
    if (reasked) return fail('invalid_output', `The answer did not match the rubric twice: ${parsed.problems.slice(0, 3).join('; ')}`);
    reasked = true;
    req = { ...req, messages: [reaskTurn(userMessage, parsed.problems)] };
  }
}

/** A fresh incremental reader for each HTTP attempt, reporting the criteria it has completed so far. */
function streamReader(rubric: Rubric, onCriteria: EvaluateInput['onCriteria']): (() => (delta: string) => void) | undefined {
  if (!onCriteria) return undefined;
  const check = criterionCheck(rubric);
  return () => {
    const reader = new CriteriaStream(check);
    return (delta) => {
      if (reader.push(delta).length > 0) onCriteria([...reader.done]);
    };
  };
}

/**
 * The re-ask is the original turn plus the server's list of problems, in one user message: the
 * model's own earlier answer is never sent back (a memo could have steered it into writing orders).
 */
function reaskTurn(userMessage: string, problems: string[]): ChatMessage {
  return { role: 'user', content: `${userMessage}\n\n${buildReaskMessage(problems)}` };
}

function cutOffMessage(input: EvaluateInput, last: LlmRequest, thinking: number): string {
  return (
    `The answer was cut off at the output limit twice: ${input.maxTokens} then ${last.maxTokens} tokens ` +
    `(${thinking} of the last spent thinking, effort ${last.effort}). Raise max_output_tokens or lower effort in llm.yaml.`
  );
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
