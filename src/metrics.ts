import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { Db } from './db/client.ts';
import { queueDepth } from './db/queries/dashboard.ts';
import { latestSuccessfulJobRun } from './db/queries/job-runs.ts';
import { BACKUP_JOB } from './jobs/backup.ts';
import type { ProviderGate } from './jobs/provider-gate.ts';
import type { AttemptRecord } from './llm/attempts.ts';
import type { Outcome } from './llm/evaluate.ts';

/** The app's Prometheus metrics, in a registry of its own (tests build many apps in one process). */
export interface Metrics {
  registry: Registry;
  observeRequest(method: string, route: string, status: number, seconds: number): void;
  observeEvaluation(outcome: Outcome): void;
  observeAttempt(attempt: AttemptRecord): void;
  observeQueueWait(seconds: number): void;
  /** Time from submission to the first criterion on the student's page. */
  observeFirstFeedback(seconds: number): void;
}

/**
 * memoai_http_requests_total, counted per request in a plain map and handed to prom-client when it
 * is read (`collect`): prom-client's own inc() hashes and checks the labels on every request. Keys
 * are bounded: route patterns (never raw paths), the methods Node parses, and status codes.
 */
function requestCounter(registers: Registry[]): { count(method: string, route: string, status: number): void } {
  const pending = new Map<string, { labels: { method: string; route: string; status: string }; n: number }>();
  new Counter({
    name: 'memoai_http_requests_total',
    help: 'HTTP requests by method, route pattern and status.',
    labelNames: ['method', 'route', 'status'],
    registers,
    collect() {
      for (const cell of pending.values()) {
        if (!cell.n) continue;
        this.inc(cell.labels, cell.n);
        cell.n = 0;
      }
    },
  });
  return {
    count(method, route, status) {
      const key = `${method} ${status} ${route}`;
      const cell = pending.get(key);
      if (cell) cell.n++;
      else pending.set(key, { labels: { method, route, status: String(status) }, n: 1 });
    },
  };
}

export function createMetrics(db: Db, gate?: ProviderGate): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'memoai_' });
  // prom-client names these gauges *_total, which Prometheus reserves for counters (promtool rejects them).
  for (const n of ['active_handles_total', 'active_requests_total', 'active_resources_total']) registry.removeSingleMetric(`memoai_nodejs_${n}`);
  const registers = [registry];
  const requests = requestCounter(registers);
  const durations = new Histogram({ name: 'memoai_http_request_duration_seconds', help: 'HTTP request durations by method and route pattern.', labelNames: ['method', 'route'], buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5], registers });
  const evaluations = new Counter({ name: 'memoai_evaluations_total', help: 'Finished evaluations by status and error kind.', labelNames: ['status', 'error_kind'], registers });
  const evalDuration = new Histogram({ name: 'memoai_evaluation_duration_seconds', help: 'Time from start to end of an evaluation run.', buckets: [1, 2, 5, 10, 20, 30, 60, 120, 300], registers });
  const tokens = new Counter({ name: 'memoai_llm_tokens_total', help: 'LLM tokens by type (thinking is part of output).', labelNames: ['type'], registers });
  const cost = new Counter({ name: 'memoai_llm_cost_usd_total', help: 'LLM spend in US dollars, priced per attempt when it was made.', registers });
  const attempts = new Counter({ name: 'memoai_llm_attempts_total', help: 'LLM HTTP attempts by outcome (ok or error kind) and Anthropic error type.', labelNames: ['outcome', 'error_type'], registers });
  const queueWait = new Histogram({ name: 'memoai_evaluation_queue_wait_seconds', help: 'Time from queueing to the start of a run.', buckets: [0.1, 1, 5, 15, 30, 60, 120, 300, 600], registers });
  const firstFeedback = new Histogram({ name: 'memoai_evaluation_first_feedback_seconds', help: 'Time from submission to the first criterion saved (shown while the rest streams).', buckets: [0.5, 1, 2, 5, 10, 20, 30, 60, 120, 300], registers });
  if (gate) gateMetrics(gate, registers);
  new Gauge({
    name: 'memoai_queue_depth',
    help: 'Evaluations waiting (queued) or running now.',
    labelNames: ['status'],
    registers,
    collect() {
      const q = queueDepth(db);
      this.set({ status: 'queued' }, q.queued);
      this.set({ status: 'running' }, q.running);
    },
  });
  new Gauge({
    name: 'memoai_last_backup_timestamp_seconds',
    help: 'When the last successful backup finished (0: never).',
    registers,
    collect() {
      this.set((latestSuccessfulJobRun(db, BACKUP_JOB)?.finishedAt ?? 0) / 1000);
    },
  });
  return {
    registry,
    observeRequest(method, route, status, seconds) {
      requests.count(method, route, status);
      durations.observe({ method, route }, seconds);
    },
    observeEvaluation(o) {
      evaluations.inc({ status: o.ok ? 'done' : 'failed', error_kind: o.ok ? '' : o.kind });
      evalDuration.observe(o.trace.latencyMs / 1000);
    },
    observeAttempt(a) {
      attempts.inc({ outcome: a.outcome, error_type: a.errorType ?? '' });
      const u = a.usage;
      tokens.inc({ type: 'input' }, u.inputTokens);
      tokens.inc({ type: 'output' }, u.outputTokens);
      tokens.inc({ type: 'thinking' }, u.thinkingTokens);
      tokens.inc({ type: 'cache_read' }, u.cacheReadTokens);
      tokens.inc({ type: 'cache_write' }, u.cacheWriteTokens);
      cost.inc(a.costUsd);
    },
    observeQueueWait(seconds) {
      queueWait.observe(Math.max(0, seconds));
    },
    observeFirstFeedback(seconds) {
      firstFeedback.observe(Math.max(0, seconds));
    },
  };
}

/** Whether the provider has paused the worker pool, and how often it has. */
function gateMetrics(gate: ProviderGate, registers: Registry[]): void {
  new Gauge({
    name: 'memoai_llm_pool_paused',
    help: '1 while the provider has paused the worker pool (429/529/billing/auth), else 0.',
    registers,
    collect() {
      this.set(gate.pausedUntil ? 1 : 0);
    },
  });
  new Counter({
    name: 'memoai_llm_pool_pauses_total',
    help: 'Times the worker pool was paused by the provider.',
    registers,
    collect() {
      this.reset();
      this.inc(gate.pausesTotal);
    },
  });
}
