import type { Logger } from 'pino';
import type { ConfigStore } from '../config/store.ts';
import type { Db } from '../db/client.ts';
import type { Metrics } from '../metrics.ts';
import { finishEvaluation, requeueEvaluation, type ClaimedJob } from '../db/queries/evaluations.ts';
import { evaluateMemo, type Outcome } from '../llm/evaluate.ts';

export interface RunDeps {
  db: Db;
  config: ConfigStore;
  now: () => number;
  log: Logger;
  metrics?: Pick<Metrics, 'observeEvaluation'>;
}

/**
 * Runs one claimed evaluation and stores its outcome. When `shutdown` aborts it, the row goes
 * back to the queue for the next start instead of being marked failed.
 */
export async function runEvaluation(deps: RunDeps, job: ClaimedJob, shutdown: AbortSignal): Promise<Outcome | undefined> {
  const live = deps.config.current;
  const { llm, rubric, prompt } = live.files;
  const signal = AbortSignal.any([shutdown, AbortSignal.timeout(llm.total_timeout_seconds * 1000)]);
  const outcome = await evaluateMemo({ provider: live.provider, rubric, prompt, memo: job.memo, signal, now: deps.now });
  if (shutdown.aborted) {
    requeueEvaluation(deps.db, job.id);
    deps.log.info({ evaluationId: job.id }, 'evaluation interrupted by shutdown; requeued');
    return undefined;
  }
  const t = outcome.trace;
  finishEvaluation(deps.db, job.id, {
    status: outcome.ok ? 'done' : 'failed',
    provider: live.provider.name,
    model: live.provider.model,
    rubricVersion: live.versions.rubric,
    promptVersion: live.versions.prompt,
    llmVersion: live.versions.llm,
    overall: outcome.ok ? outcome.result.overall : null,
    band: outcome.ok ? outcome.result.band : null,
    resultJson: outcome.ok ? JSON.stringify(outcome.result) : null,
    rawPrompt: t.rawPrompt,
    rawResponse: t.rawResponse,
    inputTokens: t.usage.inputTokens,
    outputTokens: t.usage.outputTokens,
    cacheReadTokens: t.usage.cacheReadTokens,
    cacheWriteTokens: t.usage.cacheWriteTokens,
    latencyMs: t.latencyMs,
    attempts: t.attempts,
    errorKind: outcome.ok ? null : outcome.kind,
    errorMessage: outcome.ok ? null : outcome.message,
    finishedAt: deps.now(),
  });
  deps.metrics?.observeEvaluation(outcome);
  const fields = { evaluationId: job.id, status: outcome.ok ? 'done' : 'failed', latencyMs: t.latencyMs, attempts: t.attempts };
  if (outcome.ok) deps.log.info(fields, 'evaluation done');
  else deps.log.warn({ ...fields, errorKind: outcome.kind }, 'evaluation failed');
  return outcome;
}
