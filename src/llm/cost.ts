import type { LlmConfig } from '../config/schemas.ts';

/** Estimated US dollars for a token count at the llm.yaml prices (per million tokens). */
export function estimateCost(prices: LlmConfig['prices'], t: { inputTokens: number; outputTokens: number; cacheReadTokens: number; cacheWriteTokens: number }): number {
  return (
    (t.inputTokens * prices.input_per_mtok +
      t.outputTokens * prices.output_per_mtok +
      t.cacheReadTokens * prices.cache_read_per_mtok +
      t.cacheWriteTokens * prices.cache_write_per_mtok) /
    1_000_000
  );
}
