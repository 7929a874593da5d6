/** What went wrong with an evaluation, in a form a page, a metric and an admin can use. */
export const ERROR_KINDS = [
  'rate_limited',
  'overloaded',
  'server_error',
  'timeout',
  'connection',
  'auth',
  'bad_request',
  'refusal',
  'max_tokens',
  'invalid_output',
  'interrupted',
  'unknown',
] as const;
export type ErrorKind = (typeof ERROR_KINDS)[number];

export interface ChatMessage {
  role: 'user' | 'assistant';
  content: string;
}

/** One provider call: a cached system prompt, the conversation, and the output schema. */
export interface LlmRequest {
  system: string;
  messages: ChatMessage[];
  schema: Record<string, unknown>;
}

export interface Usage {
  inputTokens: number;
  outputTokens: number;
  cacheReadTokens: number;
  cacheWriteTokens: number;
}

export interface LlmReply {
  text: string;
  stopReason: string | null;
  usage: Usage;
  /** HTTP attempts this call took (1 + transport retries). */
  attempts: number;
}

/** A model behind one typed call. Implementations map their failures to LlmError. */
export interface LlmProvider {
  readonly name: 'anthropic' | 'demo';
  readonly model: string;
  complete(req: LlmRequest, signal: AbortSignal): Promise<LlmReply>;
}

/** A provider failure with its kind and the number of HTTP attempts made. */
export class LlmError extends Error {
  constructor(
    readonly kind: ErrorKind,
    message: string,
    readonly attempts: number,
  ) {
    super(message);
    this.name = 'LlmError';
  }
}

export const ZERO_USAGE: Usage = { inputTokens: 0, outputTokens: 0, cacheReadTokens: 0, cacheWriteTokens: 0 };

export function addUsage(a: Usage, b: Usage): Usage {
  return {
    inputTokens: a.inputTokens + b.inputTokens,
    outputTokens: a.outputTokens + b.outputTokens,
    cacheReadTokens: a.cacheReadTokens + b.cacheReadTokens,
    cacheWriteTokens: a.cacheWriteTokens + b.cacheWriteTokens,
  };
}
