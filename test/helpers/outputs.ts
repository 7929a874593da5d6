import { ZERO_USAGE, type LlmReply } from '../../src/llm/types.ts';
import type { Rubric } from '../../src/config/schemas.ts';
import type { ModelOutput } from '../../src/llm/output-schema.ts';

/** A well-formed model answer for the rubric, with the given scores (default 3) and quotes. */
export function validOutput(rubric: Rubric, opts: { scores?: Record<string, number>; quotes?: string[] } = {}): ModelOutput {
  return {
    criteria: Object.fromEntries(rubric.criteria.map((c) => [c.id, { score: opts.scores?.[c.id] ?? 3, justification: `Justification for ${c.id}.` }])),
    strengths: ['Clear opening recommendation.', 'Uses concrete figures.'],
    opportunities: ['Name the decision owner.', 'Quantify the main risk.'],
    segments: (opts.quotes ?? []).map((quote) => ({
      quote,
      criterion: rubric.criteria[0]!.id,
      comment: 'Comment on this passage.',
      questions: ['What would a CFO ask first?'],
      suggestion: 'Lead with the number.',
    })),
  };
}

export const SAMPLE_MEMO = `TO: Dana Lee, CFO
FROM: Sam Ortiz, Operations
RE: Approve $240,000 for warehouse automation

I recommend we approve $240,000 to automate picking at the Dayton warehouse by March 31.

The pilot cut picking errors by 38% and saved 1,200 labor hours per quarter. At $28 per hour that is $134,400 a year, so payback is under two years.

The main risk is downtime during installation. We will phase the rollout over three weekends and keep manual picking as a fallback.

Please approve by Friday so we can book the vendor's February slot.`;

/** A provider answer as LlmProvider.complete returns it: end_turn, a few tokens, no request id. */
export function reply(text: string, over: Partial<LlmReply> = {}): LlmReply {
  return { text, stopReason: 'end_turn', refusalCategory: null, requestId: null, usage: { ...ZERO_USAGE, inputTokens: 1, outputTokens: 1 }, ...over };
}

/** The budget evaluateMemo needs besides the memo: shipped defaults, no in-place retries, free. */
export const EVAL_SETTINGS = { effort: 'medium', maxTokens: 16000, maxRetries: 0, price: undefined } as const;
