import type { LlmConfig } from '../config/schemas.ts';
import type { AttemptRecord } from '../llm/attempts.ts';
import type { EvaluateInput } from '../llm/evaluate.ts';
import { priceFor } from '../llm/prices.ts';
import { WAIT_KINDS, type LlmProvider } from '../llm/types.ts';
import type { ProviderGate } from './provider-gate.ts';

/** The llm.yaml settings every evaluation call uses (student memos and calibration readings alike); the demo evaluator is free. */
export function callSettings(llm: LlmConfig, provider: LlmProvider): Pick<EvaluateInput, 'effort' | 'maxTokens' | 'maxRetries' | 'price'> {
  return { effort: llm.effort, maxTokens: llm.max_output_tokens, maxRetries: llm.max_retries, price: provider.name === 'demo' ? undefined : priceFor(llm, provider.model) };
}

/** Tells the gate what the provider said in one attempt: busy (pause), a rejected request, or a success. */
export function reportAttempt(gate: Pick<ProviderGate, 'providerBusy' | 'badRequest' | 'succeeded'>, a: AttemptRecord): void {
  const o = a.outcome;
  if (o !== 'ok' && WAIT_KINDS.has(o)) gate.providerBusy(o, a.retryAfterMs ?? undefined, a.startedAt);
  else if (o === 'bad_request') gate.badRequest();
  else if (a.httpStatus === 200) gate.succeeded();
}
