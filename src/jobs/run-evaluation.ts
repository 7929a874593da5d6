import type { Logger } from 'pino';
import { evaluationConfig, type EvaluationConfig } from '../assignments/evaluation-config.ts';
import type { ConfigStore } from '../config-versions/store.ts';
import type { Db } from '../db/client.ts';
import { insertAttempt } from '../db/queries/attempts.ts';
import { deferEvaluation, finishEvaluation, recordFirstFeedback, requeueEvaluation, savePartialCriteria, type ClaimedJob } from '../db/queries/evaluations.ts';
import { partialJson } from '../evaluations/partial.ts';
import type { Rubric } from '../config/schemas.ts';
import type { StreamedCriterion } from '../llm/criteria-stream.ts';
import type { AttemptRecord } from '../llm/attempts.ts';
import type { Outcome } from '../llm/evaluate.ts';
import { evaluateSamples, type SampledOutcome } from '../llm/evaluate-samples.ts';
import { budgetState } from '../llm/budget.ts';
import { demoProvider } from '../llm/demo.ts';
import { ZERO_USAGE, type LlmProvider } from '../llm/types.ts';
import { callSettings, reportAttempt } from './attempt-settings.ts';
import type { Metrics } from '../metrics.ts';
import type { ProviderGate } from './provider-gate.ts';

export interface RunDeps {
  db: Db;
  config: ConfigStore;
  now: () => number;
  log: Logger;
  gate: ProviderGate;
  metrics?: Pick<Metrics, 'observeEvaluation' | 'observeAttempt' | 'observeQueueWait' | 'observeFirstFeedback'>;
}

/**
 * Runs one claimed evaluation and stores its outcome. Every attempt is stored as it happens. When the
 * provider asks us to wait, the row goes back to the queue (its place kept) until the total timeout
 * runs out; when `shutdown` aborts it, it goes back for the next start instead of failing.
 */
export async function runEvaluation(deps: RunDeps, job: ClaimedJob, shutdown: AbortSignal): Promise<Outcome | undefined> {
  const live = deps.config.current;
  const { llm } = live.files;
  // The assignment's brief and pinned rubric/prompt versions; a pin that no longer validates fails here.
  const resolved = evaluationConfig(deps.db, deps.config, job.assignmentId);
  if (!resolved.ok) return finish(deps, job, live.provider, single(configFailure(resolved.message)));
  const { rubric, prompt, context } = resolved.config;
  const provider = providerWithinBudget(deps, live.provider);
  if (!provider) return finish(deps, job, live.provider, single(BUDGET_FAILURE), resolved.config);
  const deadline = job.firstStartedAt + llm.total_timeout_seconds * 1000;
  deps.metrics?.observeQueueWait((deps.now() - job.queuedAt) / 1000);
  // One run may take the whole budget; the deadline only decides whether a busy provider is waited for.
  const signal = AbortSignal.any([shutdown, AbortSignal.timeout(llm.total_timeout_seconds * 1000)]);
  // The demo evaluator is deterministic: more readings would only repeat the first.
  const sampled = await evaluateSamples({
    samples: provider.name === 'demo' ? 1 : llm.samples,
    provider,
    rubric,
    prompt,
    context,
    memo: job.memo,
    signal,
    now: deps.now,
    ...callSettings(llm, provider),
    beforeAttempt: (s) => deps.gate.wait(s),
    onAttempt: (a, sample) => recordAttempt(deps, job, a, sample),
    onCriteria: (streamed) => saveStreamed(deps, job, rubric, streamed),
  });
  const { outcome } = sampled;
  if (shutdown.aborted) {
    requeueEvaluation(deps.db, job.id);
    deps.log.info({ evaluationId: job.id }, 'evaluation interrupted by shutdown; requeued');
    return undefined;
  }
  if (!outcome.ok && outcome.wait && deps.gate.pausedUntil < deadline) {
    const notBefore = Math.max(deps.gate.pausedUntil, deps.now());
    deferEvaluation(deps.db, job.id, notBefore);
    deps.log.info({ evaluationId: job.id, errorKind: outcome.kind, notBefore: new Date(notBefore).toISOString() }, 'provider busy; evaluation back in the queue');
    return outcome;
  }
  return finish(deps, job, provider, sampled, resolved.config);
}

/**
 * The provider to use under the llm.yaml budget: the configured one, the demo evaluator when the
 * budget is used up and llm.yaml says so, or undefined (refuse). Memos accepted before the budget ran
 * out are checked again here, so a long queue can't spend past it.
 */
function providerWithinBudget(deps: RunDeps, provider: LlmProvider): LlmProvider | undefined {
  if (provider.name === 'demo') return provider;
  const { budget, demo_delay_ms } = deps.config.current.files.llm;
  if (!budgetState(deps.db, budget, deps.now()).over) return provider;
  return budget.when_exceeded === 'demo' ? demoProvider({ delayMs: demo_delay_ms }) : undefined;
}

/** A memo whose turn came after the budget ran out: nothing was sent, so the trace is empty. */
const BUDGET_FAILURE: Outcome = {
  ok: false,
  kind: 'budget',
  message: "Not sent: the daily or monthly budget in llm.yaml was used up when this memo's turn came",
  trace: { rawPrompt: '', rawResponse: '', usage: ZERO_USAGE, costUsd: 0, attempts: 0, latencyMs: 0 },
};

/** An assignment's pinned config that can't be used: nothing was sent, the message says which version and why. */
function configFailure(message: string): Outcome {
  return { ok: false, kind: 'unknown', message, trace: BUDGET_FAILURE.trace };
}

/** Saves the criteria streamed so far (the page shows them at once); the first time, the time to first feedback. */
function saveStreamed(deps: RunDeps, job: ClaimedJob, rubric: Rubric, streamed: StreamedCriterion[]): void {
  savePartialCriteria(deps.db, job.id, partialJson(rubric, streamed));
  const ms = recordFirstFeedback(deps.db, job.id, deps.now());
  if (ms !== undefined) deps.metrics?.observeFirstFeedback(ms / 1000);
}

/** Stores an attempt (with its reading) and tells the gate what the provider said; a failed attempt's streamed criteria are dropped. */
function recordAttempt(deps: RunDeps, job: ClaimedJob, a: AttemptRecord, sample: number): void {
  insertAttempt(deps.db, job.id, job.run, a, sample);
  if (a.outcome !== 'ok') savePartialCriteria(deps.db, job.id, null);
  deps.metrics?.observeAttempt(a);
  reportAttempt(deps.gate, a);
}

/** An outcome reached without reading the memo at all. */
function single(outcome: Outcome): SampledOutcome {
  return { outcome, samples: 1, spread: undefined };
}

/** Stores the outcome, how many readings it combines and their spread, with the config hashes it used (the assignment's pinned ones, else the live ones). */
function finish(deps: RunDeps, job: ClaimedJob, provider: LlmProvider, sampled: SampledOutcome, used?: EvaluationConfig): Outcome {
  const { outcome } = sampled;
  const live = deps.config.current;
  const t = outcome.trace;
  const waitedTooLong = !outcome.ok && outcome.wait !== undefined;
  finishEvaluation(deps.db, job.id, {
    status: outcome.ok ? 'done' : 'failed',
    provider: provider.name,
    model: provider.model,
    rubricVersion: used?.versions.rubric ?? live.versions.rubric,
    promptVersion: used?.versions.prompt ?? live.versions.prompt,
    llmVersion: live.versions.llm,
    overall: outcome.ok ? outcome.result.overall : null,
    band: outcome.ok ? outcome.result.band : null,
    resultJson: outcome.ok ? JSON.stringify(outcome.result) : null,
    samples: sampled.samples,
    spreadJson: sampled.spread ? JSON.stringify(sampled.spread) : null,
    rawPrompt: t.rawPrompt,
    rawResponse: t.rawResponse,
    latencyMs: t.latencyMs,
    errorKind: outcome.ok ? null : outcome.kind,
    errorMessage: outcome.ok ? null : waitedTooLong ? `${outcome.message}; still unavailable when the total timeout ran out` : outcome.message,
    finishedAt: deps.now(),
  });
  deps.metrics?.observeEvaluation(outcome);
  const fields = { evaluationId: job.id, status: outcome.ok ? 'done' : 'failed', latencyMs: t.latencyMs, attempts: t.attempts };
  if (outcome.ok) deps.log.info(fields, 'evaluation done');
  else deps.log.warn({ ...fields, errorKind: outcome.kind }, 'evaluation failed');
  return outcome;
}
