import { describe, expect, it } from 'vitest';
import { DEFAULT_PRICES, costUsd, priceFor } from './prices.ts';
import { ZERO_USAGE } from './types.ts';

const M = 1_000_000;

describe('prices', () => {
  it('costs Sonnet 5.5 at $2 input, $10 output, $0.20 cache read and $2.50 cache write per million tokens', () => {
    const p = DEFAULT_PRICES['claude-sonnet-5-5']!;
    expect(costUsd(p, { ...ZERO_USAGE, inputTokens: M })).toBeCloseTo(2, 10);
    expect(costUsd(p, { ...ZERO_USAGE, outputTokens: M })).toBeCloseTo(10, 10);
    expect(costUsd(p, { ...ZERO_USAGE, cacheReadTokens: M })).toBeCloseTo(0.2, 10);
    expect(costUsd(p, { ...ZERO_USAGE, cacheWriteTokens: M })).toBeCloseTo(2.5, 10);
  });

  it('bills thinking once, as part of output tokens', () => {
    const p = DEFAULT_PRICES['claude-sonnet-5-5']!;
    // A typical evaluation: 1 200 fresh input, 4 800 cached system prompt, 6 000 thinking of 8 500 output.
    const u = { inputTokens: 1200, outputTokens: 8500, thinkingTokens: 6000, cacheReadTokens: 4800, cacheWriteTokens: 0 };
    expect(costUsd(p, u)).toBeCloseTo((1200 * 2 + 8500 * 10 + 4800 * 0.2) / M, 12);
  });

  it('keeps cache write at 1.25x and cache read at 0.1x input for every built-in model', () => {
    for (const [model, p] of Object.entries(DEFAULT_PRICES)) {
      expect(p.cache_write, model).toBeCloseTo(p.input * 1.25, 10);
      expect(p.cache_read, model).toBeCloseTo(p.input * 0.1, 10);
    }
  });

  it('lets llm.yaml override or add a model, and knows nothing of unlisted ones', () => {
    const prices = { 'claude-sonnet-5-5': { input: 1, output: 5, cache_write: 1.25, cache_read: 0.1 }, 'my-model': { input: 3, output: 3, cache_write: 3, cache_read: 3 } };
    expect(priceFor({ prices }, 'claude-sonnet-5-5')!.input).toBe(1);
    expect(priceFor({ prices }, 'my-model')!.output).toBe(3);
    expect(priceFor({ prices }, 'claude-haiku-5-5')!.input).toBe(0.1);
    expect(priceFor({ prices: {} }, 'claude-3-opus')).toBeUndefined();
  });
});
