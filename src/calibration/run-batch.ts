import { setCalibrationProgress } from '../db/queries/calibration.ts';
import { buildResult, type Outcome } from '../llm/evaluate.ts';
import { outputJsonSchema, parseModelOutput } from '../llm/output-schema.ts';
import { costUsd, priceFor } from '../llm/prices.ts';
import { buildSystemPrompt, buildUserMessage } from '../llm/prompt.ts';
import { ZERO_USAGE, type BatchOutcome, type LlmRequest } from '../llm/types.ts';
import { sleep } from '../sleep.ts';
import type { VersionedAnchor } from './anchors.ts';
import type { CalibrationDeps } from './deps.ts';
import type { RunConfig } from './run-config.ts';

/** The Message Batches API bills half the Messages price. */
export const BATCH_DISCOUNT = 0.5;

export interface BatchTask {
  anchor: VersionedAnchor;
  sample: number;
}

/** One batch answer as a reading's outcome: checked like a direct answer, but never re-asked. */
function outcomeOf(cfg: RunConfig, memo: string, o: BatchOutcome | undefined, latencyMs: number): Outcome {
  const trace = { rawPrompt: '', rawResponse: o?.ok ? o.reply.text : '', usage: o?.ok ? o.reply.usage : ZERO_USAGE, costUsd: 0, attempts: 1, latencyMs };
  if (!o) return { ok: false, kind: 'unknown', message: 'The batch results had no answer for this reading', trace };
  if (!o.ok) return { ok: false, kind: o.kind, message: o.message, trace };
  const price = priceFor(cfg.files.llm, cfg.provider.model);
  trace.costUsd = price ? costUsd(price, o.reply.usage) * BATCH_DISCOUNT : 0;
  const stop = o.reply.stopReason ?? '';
  if (stop === 'max_tokens' || stop === 'model_context_window_exceeded') return { ok: false, kind: 'max_tokens', message: `The answer was cut off at ${cfg.files.llm.max_output_tokens} tokens (batch readings are not retried)`, trace };
  if (stop === 'refusal') return { ok: false, kind: 'refusal', message: 'The model declined to evaluate the memo', trace };
  const parsed = parseModelOutput(cfg.files.rubric, o.reply.text);
  if (!parsed.ok) return { ok: false, kind: 'invalid_output', message: `The answer did not match the rubric (batch readings are not re-asked): ${parsed.problems.slice(0, 3).join('; ')}`, trace };
  return { ok: true, result: buildResult(cfg.files.rubric, memo, parsed.output, false), trace };
}

/**
 * Sends every reading as one Message Batch, polls it (progress from its request counts) until it has
 * ended, and hands each reading's outcome to `store`. Throws an LlmError when the API refuses.
 */
export async function batchReadings(deps: CalibrationDeps, runId: number, cfg: RunConfig, tasks: BatchTask[], store: (t: BatchTask, o: Outcome, startedAt: number) => void): Promise<void> {
  const api = cfg.provider.batch!;
  const { rubric, prompt, llm } = cfg.files;
  const system = buildSystemPrompt(prompt, rubric, cfg.context);
  const schema = outputJsonSchema(rubric);
  const request = (memo: string): LlmRequest => ({ system, messages: [{ role: 'user', content: buildUserMessage(memo) }], schema, maxTokens: llm.max_output_tokens, effort: llm.effort });
  const signal = deps.runs.signal;
  // A paused provider (429/529 on the pool) pauses the batch's submission too.
  await deps.gate.wait(signal);
  if (signal.aborted) return;
  const startedAt = deps.now();
  const batchId = await api.submit(tasks.map((t, i) => ({ id: `r${i}`, req: request(t.anchor.anchor.memo) })), signal);
  deps.log.info({ calibrationRunId: runId, batchId, requests: tasks.length }, 'calibration batch submitted');
  for (;;) {
    const s = await api.status(batchId, signal);
    setCalibrationProgress(deps.db, runId, s.total - s.processing);
    if (s.ended) break;
    await sleep(deps.runs.batchPollMs, signal);
    if (signal.aborted) return;
  }
  const results = await api.results(batchId, signal);
  setCalibrationProgress(deps.db, runId, 0);
  tasks.forEach((t, i) => store(t, outcomeOf(cfg, t.anchor.anchor.memo, results.get(`r${i}`), deps.now() - startedAt), startedAt));
}
