import Anthropic, { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from '@anthropic-ai/sdk';
import type { MessageBatchResult } from '@anthropic-ai/sdk/resources/messages/batches';
import type { Message, MessageCreateParamsNonStreaming } from '@anthropic-ai/sdk/resources/messages/messages';
import { LlmError, type BatchApi, type BatchOutcome, type ErrorKind, type LlmErrorDetail, type LlmProvider, type LlmReply, type LlmRequest, type Usage } from './types.ts';

export interface AnthropicSettings {
  apiKey: string;
  baseURL: string;
  model: string;
  /** Per HTTP attempt. */
  timeoutMs: number;
  promptCaching: boolean;
}

/**
 * Claude through the official SDK, one HTTP attempt per call: the SDK's own retries are off so that
 * every attempt is recorded and a 429/529 pauses the whole pool instead of being retried in place.
 */
export function anthropicProvider(s: AnthropicSettings): LlmProvider {
  const client = new Anthropic({ apiKey: s.apiKey, baseURL: s.baseURL, timeout: s.timeoutMs, maxRetries: 0 });
  return {
    name: 'anthropic',
    model: s.model,
    async complete(req: LlmRequest, signal: AbortSignal, onText?: (delta: string) => void): Promise<LlmReply> {
      // Streamed, so each criterion can be saved as it arrives; the final message is the same as create()'s.
      const stream = client.messages.stream(paramsOf(s, req), { signal });
      if (onText) stream.on('text', (delta) => onText(delta));
      try {
        return replyOf(await stream.finalMessage(), stream.request_id ?? null);
      } catch (err) {
        const e = toLlmError(err, signal);
        // A stream cut mid-way was billed for what it had sent: keep its usage (message_start's counts).
        const partial = stream.currentMessage;
        if (partial && !e.detail.usage) Object.assign(e.detail, { usage: usageOf(partial.usage), requestId: e.detail.requestId ?? stream.request_id ?? undefined });
        throw e;
      }
    },
    batch: anthropicBatches(client, s),
  };
}

/** One Messages request's parameters (the same for a direct call and a batch entry). */
function paramsOf(s: AnthropicSettings, req: LlmRequest): MessageCreateParamsNonStreaming {
  return {
    model: s.model,
    max_tokens: req.maxTokens,
    // Claude 5.x: adaptive thinking with an effort level; no temperature/top_p/top_k (they answer 400).
    thinking: { type: 'adaptive' },
    system: [{ type: 'text', text: req.system, ...(s.promptCaching ? { cache_control: { type: 'ephemeral' as const } } : {}) }],
    messages: req.messages,
    output_config: { effort: req.effort, format: { type: 'json_schema', schema: req.schema } },
  };
}

function replyOf(msg: Message, requestId: string | null): LlmReply {
  return {
    text: msg.content.map((b) => (b.type === 'text' ? b.text : '')).join(''),
    stopReason: msg.stop_reason,
    refusalCategory: msg.stop_details?.category ?? null,
    requestId,
    usage: usageOf(msg.usage),
  };
}

/** The Message Batches API through the SDK: create, retrieve (poll), results (JSONL). */
function anthropicBatches(client: Anthropic, s: AnthropicSettings): BatchApi {
  const call = async <T>(signal: AbortSignal, f: () => Promise<T>): Promise<T> => {
    try {
      return await f();
    } catch (err) {
      throw toLlmError(err, signal);
    }
  };
  return {
    submit: (requests, signal) => call(signal, async () => (await client.messages.batches.create({ requests: requests.map((r) => ({ custom_id: r.id, params: paramsOf(s, r.req) })) }, { signal })).id),
    status: (id, signal) =>
      call(signal, async () => {
        const b = await client.messages.batches.retrieve(id, {}, { signal });
        const c = b.request_counts;
        return { ended: b.processing_status === 'ended', processing: c.processing, total: c.processing + c.succeeded + c.errored + c.canceled + c.expired };
      }),
    results: (id, signal) =>
      call(signal, async () => {
        const out = new Map<string, BatchOutcome>();
        for await (const line of await client.messages.batches.results(id, {}, { signal })) out.set(line.custom_id, outcomeOf(line.result));
        return out;
      }),
  };
}

function outcomeOf(r: MessageBatchResult): BatchOutcome {
  if (r.type === 'succeeded') return { ok: true, reply: replyOf(r.message, null) };
  if (r.type === 'errored') return { ok: false, kind: r.error.error.type === 'invalid_request_error' ? 'bad_request' : 'server_error', message: `The batch request failed: ${r.error.error.type}: ${r.error.error.message}` };
  return { ok: false, kind: 'unknown', message: `The batch request was ${r.type} before it was processed` };
}

function usageOf(u: Message['usage']): Usage {
  return {
    inputTokens: u.input_tokens ?? 0,
    outputTokens: u.output_tokens ?? 0,
    thinkingTokens: u.output_tokens_details?.thinking_tokens ?? 0,
    cacheReadTokens: u.cache_read_input_tokens ?? 0,
    cacheWriteTokens: u.cache_creation_input_tokens ?? 0,
  };
}

/** Maps SDK errors to our kinds, keeping Anthropic's error type, message and request id for operators. */
export function toLlmError(err: unknown, signal?: AbortSignal): LlmError {
  if (err instanceof LlmError) return err;
  const kind = errorKind(err, signal);
  const detail = err instanceof APIError ? apiDetail(err) : {};
  const status = detail.httpStatus ? ` (HTTP ${detail.httpStatus}${detail.errorType ? ` ${detail.errorType}` : ''})` : '';
  return new LlmError(kind, `${KIND_SUMMARY[kind]}${status}`, detail);
}

function apiDetail(err: APIError): LlmErrorDetail {
  const body = err.error as { error?: { type?: unknown; message?: unknown } } | undefined;
  // retry-after-ms (milliseconds) is more precise than retry-after (seconds) when both are sent.
  const ms = err.headers?.get('retry-after-ms');
  const s = err.headers?.get('retry-after');
  const retryAfter = ms ? Number(ms) / 1000 : s ? Number(s) : NaN;
  return {
    httpStatus: err.status,
    errorType: typeof body?.error?.type === 'string' ? body.error.type : undefined,
    apiMessage: typeof body?.error?.message === 'string' ? body.error.message.slice(0, 500) : undefined,
    requestId: err.requestID ?? undefined,
    retryAfterMs: Number.isFinite(retryAfter) && retryAfter >= 0 ? retryAfter * 1000 : undefined,
  };
}

function errorKind(err: unknown, signal?: AbortSignal): ErrorKind {
  if (err instanceof APIUserAbortError || signal?.aborted) return 'timeout';
  if (err instanceof APIConnectionTimeoutError) return 'timeout';
  if (err instanceof APIConnectionError) return 'connection';
  if (err instanceof APIError) return err.status === undefined ? streamErrorKind(err) : statusKind(err.status, err);
  return 'unknown';
}

/** An `error` event inside a 200 stream has no HTTP status: its error type says what happened. */
function streamErrorKind(err: APIError): ErrorKind {
  const type = (err.error as { error?: { type?: string } } | undefined)?.error?.type;
  if (type === 'overloaded_error') return 'overloaded';
  if (type === 'rate_limit_error') return 'rate_limited';
  return 'server_error';
}

function statusKind(st: number, err: APIError): ErrorKind {
  const body = (err.error as { error?: { type?: string; message?: string } } | undefined)?.error;
  // Credit exhausted and spend caps come as 402 billing_error or as a 400 that says so.
  if (st === 402 || body?.type === 'billing_error' || (st === 400 && /credit balance|spend limit/i.test(body?.message ?? ''))) return 'billing';
  if (st === 429) return 'rate_limited';
  if (st === 529) return 'overloaded';
  if (st === 408 || st === 504) return 'timeout';
  if (st >= 500) return 'server_error';
  if (st === 401 || st === 403) return 'auth';
  if (st >= 400) return 'bad_request';
  return 'unknown';
}

const KIND_SUMMARY: Record<ErrorKind, string> = {
  rate_limited: 'The provider rate-limited the request',
  overloaded: 'The provider is overloaded',
  billing: 'The provider refused the request for billing reasons',
  server_error: 'The provider had a server error',
  timeout: 'The provider did not answer in time',
  connection: 'Could not connect to the provider',
  auth: 'The provider refused the API key',
  bad_request: 'The provider rejected the request',
  refusal: 'The model declined to evaluate the memo',
  max_tokens: 'The answer was cut off at the output limit',
  invalid_output: 'The answer did not match the rubric',
  budget: 'The LLM budget in llm.yaml is used up',
  interrupted: 'The server stopped during the evaluation',
  unknown: 'Unexpected error',
};
