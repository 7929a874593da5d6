import type { LlmConfig } from '../config/schemas.ts';
import { anthropicProvider } from './anthropic.ts';
import { demoProvider } from './demo.ts';
import type { LlmProvider } from './types.ts';

export const DEFAULT_ANTHROPIC_BASE_URL = 'https://api.anthropic.com';

/** `auto` means anthropic when a key is set, else the offline demo evaluator. */
export function resolveProviderName(llm: LlmConfig, apiKey: string): 'anthropic' | 'demo' {
  if (llm.provider !== 'auto') return llm.provider;
  return apiKey ? 'anthropic' : 'demo';
}

/** Builds the configured provider; apiKey and baseURL are always passed explicitly. */
export function createProvider(llm: LlmConfig, apiKey: string): LlmProvider {
  if (resolveProviderName(llm, apiKey) === 'demo') return demoProvider({ delayMs: llm.demo_delay_ms });
  if (!apiKey) throw new Error('llm.provider is anthropic but ANTHROPIC_API_KEY is not set');
  return anthropicProvider({
    apiKey,
    baseURL: llm.base_url ?? DEFAULT_ANTHROPIC_BASE_URL,
    model: llm.model,
    maxOutputTokens: llm.max_output_tokens,
    timeoutMs: llm.timeout_seconds * 1000,
    maxRetries: llm.max_retries,
    promptCaching: llm.prompt_caching,
  });
}
