import type { Logger } from 'pino';
import type { ConfigStore } from '../config-versions/store.ts';
import type { Db } from '../db/client.ts';
import { CalibrationRegistry } from '../calibration/registry.ts';
import { createMetrics, type Metrics } from '../metrics.ts';
import { EvaluationQueue } from './evaluation-queue.ts';
import { ProviderGate } from './provider-gate.ts';
import { runEvaluation } from './run-evaluation.ts';

export interface Workers {
  queue: EvaluationQueue;
  gate: ProviderGate;
  metrics: Metrics;
  /** Calibration runs in progress in this process (they share the gate). */
  calibrations: CalibrationRegistry;
}

/** The evaluation worker pool, calibration runs, the provider gate that pauses it, and the metrics that watch both. */
export function createWorkers(d: { db: Db; config: ConfigStore; now: () => number; log: Logger }): Workers {
  let queue: EvaluationQueue | undefined;
  const gate = new ProviderGate(d.now, () => d.config.current.files.llm.backoff, (until) => queue?.wakeAt(until));
  const metrics = createMetrics(d.db, gate);
  queue = new EvaluationQueue({
    db: d.db,
    now: d.now,
    log: d.log,
    concurrency: () => d.config.current.files.llm.concurrency,
    pausedUntil: () => gate.pausedUntil,
    run: (job, shutdown) => runEvaluation({ ...d, gate, metrics }, job, shutdown),
  });
  return { queue, gate, metrics, calibrations: new CalibrationRegistry() };
}
