import type { Effort } from '../config/schemas.ts';

/** What went wrong with an evaluation, in a form a page, a metric and an admin can use. */
export const ERROR_KINDS = [
  'rate_limited',
  'overloaded',
  'billing',
  'server_error',
  'timeout',
  'connection',
  'auth',
  'bad_request',
  'refusal',
  'max_tokens',
  'invalid_output',
  'budget',
  'interrupted',
  'unknown',
] as const;
export type ErrorKind = (typeof ERROR_KINDS)[number];

/** Provider trouble that is not the memo's fault: the evaluation waits in the queue instead of failing. */
export const WAIT_KINDS: ReadonlySet<ErrorKind> = new Set(['rate_limited', 'overloaded', 'billing', 'auth']);

/** Worth trying the same call again at once (with a short backoff). */
export const RETRY_KINDS: ReadonlySet<ErrorKind> = new Set(['server_error', 'timeout', 'connection']);

export interface ChatMessage {
  role: 'user' | 'assistant';
  content: string;
}

/** One provider call: a cached system prompt, the conversation, the output schema and the budget. */
export interface LlmRequest {
  system: string;
  messages: ChatMessage[];
  schema: Record<string, unknown>;
  maxTokens: number;
  effort: Effort;
}

export interface Usage {
  inputTokens: number;
  /** Everything the model wrote, thinking included (that is what is billed). */
  outputTokens: number;
  /** The part of outputTokens spent thinking, when the API reports it. */
  thinkingTokens: number;
  cacheReadTokens: number;
  cacheWriteTokens: number;
}

/** One HTTP attempt that got an answer. */
export interface LlmReply {
  text: string;
  stopReason: string | null;
  /** Anthropic's stop_details.category on a refusal (cyber, bio, ...), when given. */
  refusalCategory: string | null;
  requestId: string | null;
  usage: Usage;
}

/** How one request of a Message Batch ended: its reply, or why there is none. */
export type BatchOutcome = { ok: true; reply: LlmReply } | { ok: false; kind: ErrorKind; message: string };

/** The Message Batches API (half price, answered within 24 hours): submit, poll, read the results. */
export interface BatchApi {
  /** Sends the requests (keyed by an id of [a-zA-Z0-9_-]{1,64}); returns the batch id. */
  submit(requests: { id: string; req: LlmRequest }[], signal: AbortSignal): Promise<string>;
  /** Whether it has ended, and how many requests are still processing. */
  status(batchId: string, signal: AbortSignal): Promise<{ ended: boolean; processing: number; total: number }>;
  /** Every request's outcome by its id (once ended). */
  results(batchId: string, signal: AbortSignal): Promise<Map<string, BatchOutcome>>;
}

/** A model behind one typed call: exactly one HTTP attempt, failures mapped to LlmError. */
export interface LlmProvider {
  readonly name: 'anthropic' | 'demo';
  readonly model: string;
  /** `onText` gets the answer's text as it streams, in order (the reply still carries all of it). */
  complete(req: LlmRequest, signal: AbortSignal, onText?: (delta: string) => void): Promise<LlmReply>;
  /** The Message Batches API, when the provider has one (the demo evaluator doesn't). */
  readonly batch?: BatchApi;
}

/** What the API said about a failed attempt, kept for operators. */
export interface LlmErrorDetail {
  httpStatus?: number;
  /** Anthropic's error.type, e.g. rate_limit_error. */
  errorType?: string;
  /** Anthropic's error.message (never contains the key or the prompt). */
  apiMessage?: string;
  requestId?: string;
  /** From a retry-after header, when the API sent one. */
  retryAfterMs?: number;
  /** A stream cut mid-way: the tokens it had reported (billed all the same). */
  usage?: Usage;
}

/** A provider failure with its kind and whatever the API told us. */
export class LlmError extends Error {
  constructor(
    readonly kind: ErrorKind,
    message: string,
    readonly detail: LlmErrorDetail = {},
  ) {
    super(message);
    this.name = 'LlmError';
  }
}

export const ZERO_USAGE: Usage = { inputTokens: 0, outputTokens: 0, thinkingTokens: 0, cacheReadTokens: 0, cacheWriteTokens: 0 };

export function addUsage(a: Usage, b: Usage): Usage {
  return {
    inputTokens: a.inputTokens + b.inputTokens,
    outputTokens: a.outputTokens + b.outputTokens,
    thinkingTokens: a.thinkingTokens + b.thinkingTokens,
    cacheReadTokens: a.cacheReadTokens + b.cacheReadTokens,
    cacheWriteTokens: a.cacheWriteTokens + b.cacheWriteTokens,
  };
}
