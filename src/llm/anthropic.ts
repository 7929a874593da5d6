import Anthropic, { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from '@anthropic-ai/sdk';
import { LlmError, type ErrorKind, type LlmProvider, type LlmReply, type LlmRequest } from './types.ts';

export interface AnthropicSettings {
  apiKey: string;
  baseURL: string;
  model: string;
  maxOutputTokens: number;
  /** Per HTTP attempt. */
  timeoutMs: number;
  maxRetries: number;
  promptCaching: boolean;
}

/** Claude through the official SDK. The SDK does transport retries with backoff; we count attempts. */
export function anthropicProvider(s: AnthropicSettings): LlmProvider {
  return {
    name: 'anthropic',
    model: s.model,
    async complete(req: LlmRequest, signal: AbortSignal): Promise<LlmReply> {
      let attempts = 0;
      const countingFetch: typeof fetch = (input, init) => {
        attempts++;
        return fetch(input, init);
      };
      const client = new Anthropic({
        apiKey: s.apiKey,
        baseURL: s.baseURL,
        timeout: s.timeoutMs,
        maxRetries: s.maxRetries,
        fetch: countingFetch,
      });
      try {
        const msg = await client.messages.create(
          {
            model: s.model,
            max_tokens: s.maxOutputTokens,
            system: [
              { type: 'text', text: req.system, ...(s.promptCaching ? { cache_control: { type: 'ephemeral' as const } } : {}) },
            ],
            messages: req.messages,
            output_config: { format: { type: 'json_schema', schema: req.schema } },
          },
          { signal },
        );
        const text = msg.content.map((b) => (b.type === 'text' ? b.text : '')).join('');
        const u = msg.usage;
        return {
          text,
          stopReason: msg.stop_reason,
          attempts,
          usage: {
            inputTokens: u.input_tokens ?? 0,
            outputTokens: u.output_tokens ?? 0,
            cacheReadTokens: u.cache_read_input_tokens ?? 0,
            cacheWriteTokens: u.cache_creation_input_tokens ?? 0,
          },
        };
      } catch (err) {
        throw toLlmError(err, attempts, signal);
      }
    },
  };
}

/** Maps SDK errors to our kinds; messages never include the key or the prompt. */
export function toLlmError(err: unknown, attempts: number, signal?: AbortSignal): LlmError {
  if (err instanceof LlmError) return err;
  const kind = errorKind(err, signal);
  const status = err instanceof APIError && err.status ? ` (HTTP ${err.status})` : '';
  return new LlmError(kind, `${KIND_SUMMARY[kind]}${status}`, Math.max(attempts, 1));
}

function errorKind(err: unknown, signal?: AbortSignal): ErrorKind {
  if (err instanceof APIUserAbortError || signal?.aborted) return 'timeout';
  if (err instanceof APIConnectionTimeoutError) return 'timeout';
  if (err instanceof APIConnectionError) return 'connection';
  if (err instanceof APIError) {
    const st = err.status ?? 0;
    if (st === 429) return 'rate_limited';
    if (st === 529) return 'overloaded';
    if (st === 408 || st === 504) return 'timeout';
    if (st >= 500) return 'server_error';
    if (st === 401 || st === 403) return 'auth';
    if (st >= 400) return 'bad_request';
  }
  return 'unknown';
}

const KIND_SUMMARY: Record<ErrorKind, string> = {
  rate_limited: 'The provider rate-limited the request',
  overloaded: 'The provider is overloaded',
  server_error: 'The provider had a server error',
  timeout: 'The provider did not answer in time',
  connection: 'Could not connect to the provider',
  auth: 'The provider refused the API key',
  bad_request: 'The provider rejected the request',
  refusal: 'The model declined to evaluate the memo',
  max_tokens: 'The answer was cut off at the output limit',
  invalid_output: 'The answer did not match the rubric',
  interrupted: 'The server stopped during the evaluation',
  unknown: 'Unexpected error',
};
