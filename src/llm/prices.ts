import type { LlmConfig } from '../config/schemas.ts';
import type { Usage } from './types.ts';

/** US dollars per million tokens for one model (cache writes at the 5-minute TTL). */
export interface ModelPrice {
  input: number;
  output: number;
  cache_write: number;
  cache_read: number;
}

/**
 * List prices of the models the app accepts, from Anthropic's model pages (checked 2026-12-01).
 * Cache write is 1.25x input, cache read 0.1x input. Haiku 5.5's prices are those for prompts up to
 * 100 000 tokens, which every memo prompt is (max_chars bounds it). llm.yaml `prices` overrides these.
 */
export const DEFAULT_PRICES: Readonly<Record<string, ModelPrice>> = {
  'claude-sonnet-5-5': { input: 2, output: 10, cache_write: 2.5, cache_read: 0.2 },
  'claude-sonnet-5': { input: 2, output: 10, cache_write: 2.5, cache_read: 0.2 },
  'claude-haiku-5-5': { input: 0.1, output: 0.5, cache_write: 0.125, cache_read: 0.01 },
  'claude-opus-5-5': { input: 4, output: 20, cache_write: 5, cache_read: 0.4 },
  'claude-opus-5': { input: 5, output: 25, cache_write: 6.25, cache_read: 0.5 },
};

/** The price of a model: llm.yaml first, then the built-in table; undefined for an unknown model. */
export function priceFor(llm: Pick<LlmConfig, 'prices'>, model: string): ModelPrice | undefined {
  return llm.prices[model] ?? DEFAULT_PRICES[model];
}

/** Models with a known price: the only ones the config accepts, so every call can be costed. */
export function pricedModels(llm: Pick<LlmConfig, 'prices'>): string[] {
  return [...new Set([...Object.keys(DEFAULT_PRICES), ...Object.keys(llm.prices)])].sort();
}

/** Dollars for one attempt's usage. Thinking tokens are already inside output tokens (billed once). */
export function costUsd(price: ModelPrice, u: Usage): number {
  const micro = u.inputTokens * price.input + u.outputTokens * price.output + u.cacheWriteTokens * price.cache_write + u.cacheReadTokens * price.cache_read;
  return micro / 1_000_000;
}
