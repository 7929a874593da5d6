import type { LlmConfig } from '../config/schemas.ts';
import { anthropicProvider } from './anthropic.ts';
import { demoProvider } from './demo.ts';
import { priceFor } from './prices.ts';
import type { LlmProvider } from './types.ts';

export const DEFAULT_ANTHROPIC_BASE_URL = 'https://api.anthropic.com';

/** `auto` means anthropic when a key is set, else the offline demo evaluator. */
export function resolveProviderName(llm: LlmConfig, apiKey: string): 'anthropic' | 'demo' {
  if (llm.provider !== 'auto') return llm.provider;
  return apiKey ? 'anthropic' : 'demo';
}

/** Builds the configured provider; apiKey and baseURL (from the environment only) are always passed explicitly. */
export function createProvider(llm: LlmConfig, apiKey: string, baseUrl: string | undefined): LlmProvider {
  if (resolveProviderName(llm, apiKey) === 'demo') return demoProvider({ delayMs: llm.demo_delay_ms });
  if (!apiKey) throw new Error('llm.provider is anthropic but ANTHROPIC_API_KEY is not set');
  // LLM_MODEL bypasses llm.yaml's validation: every call is costed, so an unpriced model can't run.
  if (!priceFor(llm, llm.model)) throw new Error(`model "${llm.model}" has no price: add it under prices in llm.yaml`);
  return anthropicProvider({
    apiKey,
    baseURL: baseUrl ?? DEFAULT_ANTHROPIC_BASE_URL,
    model: llm.model,
    timeoutMs: llm.timeout_seconds * 1000,
    promptCaching: llm.prompt_caching,
  });
}
