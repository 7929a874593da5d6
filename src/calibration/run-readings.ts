import { bumpCalibrationProgress, failCalibrationRun, finishCalibrationRun, insertCalibrationReading, listCalibrationReadings, markCalibrationRunning } from '../db/queries/calibration.ts';
import { budgetState } from '../llm/budget.ts';
import { evaluateMemo, type Outcome } from '../llm/evaluate.ts';
import { callSettings, reportAttempt } from '../jobs/attempt-settings.ts';
import { addUsage, LlmError } from '../llm/types.ts';
import { batchReadings } from './run-batch.ts';
import type { VersionedAnchor } from './anchors.ts';
import { calibrationReport } from './report.ts';
import type { CalibrationDeps } from './deps.ts';
import type { RunConfig } from './run-config.ts';
import type { RunSnapshot } from './snapshot.ts';

/** How often a reading the provider turned away (429, 529) is tried again, after the gate's pause. */
const WAIT_TRIES = 3;

interface Task {
  anchor: VersionedAnchor;
  sample: number;
}

/** Why a run stopped before its last reading. */
type Stop = { kind: 'budget' | 'shutdown' } | undefined;

/**
 * The settings a reading is made with. An llm draft's own effort, output limit and retries are what is
 * measured, but money is the config in force's: its budget, its concurrency and its price for the
 * model (the draft's price only for a model the config in force doesn't price), so a draft can't
 * raise the budget or zero the prices its own calibration is charged at.
 */
function readingSettings(deps: CalibrationDeps, cfg: RunConfig) {
  const live = deps.config.current.files.llm;
  const draft = callSettings(cfg.files.llm, cfg.provider);
  const inForce = callSettings(live, cfg.provider);
  return { call: { ...draft, price: inForce.price ?? draft.price }, budget: live.budget, concurrency: live.concurrency };
}

/** Two traces' spend added up (a reading tried again after a provider wait keeps what the first try cost). */
function addSpend(earlier: Outcome | undefined, o: Outcome): Outcome {
  if (!earlier) return o;
  const a = earlier.trace;
  const t = o.trace;
  return { ...o, trace: { ...t, usage: addUsage(a.usage, t.usage), costUsd: a.costUsd + t.costUsd, attempts: a.attempts + t.attempts } };
}

/** One reading: evaluateMemo with the evaluation settings; a provider wait is tried again after the pause. */
async function readOnce(deps: CalibrationDeps, cfg: RunConfig, memo: string): Promise<Outcome> {
  const { llm, rubric, prompt } = cfg.files;
  const provider = cfg.provider;
  const { call } = readingSettings(deps, cfg);
  let outcome: Outcome | undefined;
  for (let i = 0; i < WAIT_TRIES && !deps.runs.signal.aborted; i++) {
    const o = await evaluateMemo({
      provider,
      rubric,
      prompt,
      context: cfg.context,
      memo,
      signal: AbortSignal.any([deps.runs.signal, AbortSignal.timeout(llm.total_timeout_seconds * 1000)]),
      now: deps.now,
      ...call,
      beforeAttempt: (s) => deps.gate.wait(s),
      onAttempt: (a) => reportAttempt(deps.gate, a),
    });
    outcome = addSpend(outcome, o);
    if (o.ok || !o.wait) break;
  }
  return outcome!;
}

/** Stores one reading and counts it on the run, in one transaction. */
function storeReading(deps: CalibrationDeps, runId: number, task: Task, o: Outcome, startedAt: number): void {
  const t = o.trace;
  const scores = o.ok ? Object.fromEntries(o.result.criteria.map((c) => [c.id, c.score])) : null;
  deps.db.transaction(() => {
    insertCalibrationReading(deps.db, {
      runId,
      anchorId: task.anchor.anchor.id,
      sample: task.sample,
      status: o.ok ? 'done' : 'failed',
      scoresJson: scores ? JSON.stringify(scores) : null,
      overall: o.ok ? o.result.overall : null,
      errorKind: o.ok ? null : o.kind,
      errorMessage: o.ok ? null : o.message,
      attempts: t.attempts,
      inputTokens: t.usage.inputTokens,
      outputTokens: t.usage.outputTokens,
      costUsd: t.costUsd,
      latencyMs: t.latencyMs,
      rawResponse: t.rawResponse,
      startedAt,
      finishedAt: deps.now(),
    });
    bumpCalibrationProgress(deps.db, runId);
  });
}

/** Takes tasks until none is left or the run must stop (budget used up, shutdown). */
async function worker(deps: CalibrationDeps, runId: number, cfg: RunConfig, tasks: Task[], state: { stop: Stop }): Promise<void> {
  const checkBudget = cfg.provider.name !== 'demo';
  for (let task = tasks.shift(); task && !state.stop; task = tasks.shift()) {
    if (checkBudget && budgetState(deps.db, readingSettings(deps, cfg).budget, deps.now()).over) {
      state.stop = { kind: 'budget' };
      return;
    }
    const startedAt = deps.now();
    const outcome = await readOnce(deps, cfg, task.anchor.anchor.memo);
    // A reading cut off by a shutdown is stored too (failed): what it was billed counts toward the budget.
    try {
      storeReading(deps, runId, task, outcome, startedAt);
    } catch (err) {
      if (!deps.runs.signal.aborted) throw err; // at shutdown the database may already be closed
    }
    if (deps.runs.signal.aborted) {
      state.stop = { kind: 'shutdown' };
      return;
    }
  }
}

/** Every reading as one Message Batch (budget checked once, before it is sent). */
async function viaBatch(deps: CalibrationDeps, runId: number, cfg: RunConfig, tasks: Task[], state: { stop: Stop }): Promise<void> {
  if (budgetState(deps.db, readingSettings(deps, cfg).budget, deps.now()).over) {
    state.stop = { kind: 'budget' };
    return;
  }
  await batchReadings(deps, runId, cfg, tasks, (t, o, startedAt) => storeReading(deps, runId, t, o, startedAt));
  if (deps.runs.signal.aborted) state.stop = { kind: 'shutdown' };
}

/** Direct Messages calls, `llm.concurrency` at a time. */
async function direct(deps: CalibrationDeps, runId: number, cfg: RunConfig, tasks: Task[], state: { stop: Stop }): Promise<void> {
  const n = Math.max(1, Math.min(readingSettings(deps, cfg).concurrency, tasks.length));
  await Promise.all(Array.from({ length: n }, () => worker(deps, runId, cfg, tasks, state)));
}

/** Runs every reading of a stored run, then stores its totals (or why it stopped). Never throws. */
export async function executeRun(deps: CalibrationDeps, runId: number, cfg: RunConfig, anchors: VersionedAnchor[], snapshot: RunSnapshot, samples: number, mode: 'direct' | 'batch' = 'direct'): Promise<void> {
  const total = anchors.length * samples;
  try {
    markCalibrationRunning(deps.db, runId);
    const tasks: Task[] = anchors.flatMap((anchor) => Array.from({ length: samples }, (_, sample) => ({ anchor, sample })));
    const state: { stop: Stop } = { stop: undefined };
    await (mode === 'batch' ? viaBatch : direct)(deps, runId, cfg, tasks, state);
    const readings = listCalibrationReadings(deps.db, runId);
    const cost = readings.reduce((s, r) => s + r.costUsd, 0);
    if (state.stop?.kind === 'budget') return stopped(deps, runId, `budget used up after ${readings.length} of ${total} readings (llm.yaml budget)`, cost);
    if (state.stop?.kind === 'shutdown') return stopped(deps, runId, `interrupted by a shutdown after ${readings.length} of ${total} readings`, cost);
    const { totals } = calibrationReport(snapshot.anchors, readings, snapshot.rubric);
    const t = { hitRate: totals.hitRate, meanDistance: totals.meanDistance, meanSpread: totals.meanSpread, worstSpread: totals.worstSpread?.range ?? null, costUsd: totals.costUsd };
    finishCalibrationRun(deps.db, runId, t, deps.now());
    deps.log.info({ calibrationRunId: runId, readings: readings.length, failed: totals.readingsFailed, hitRate: totals.hitRate }, 'calibration run done');
  } catch (err) {
    if (err instanceof LlmError) return stopped(deps, runId, `the Message Batches API answered: ${err.message}`, 0);
    deps.log.error({ err, calibrationRunId: runId }, 'calibration run crashed');
    stopped(deps, runId, `the run stopped on an internal error: ${(err as Error).message}`, 0);
  }
}

function stopped(deps: CalibrationDeps, runId: number, error: string, cost: number): void {
  try {
    failCalibrationRun(deps.db, runId, error, cost, deps.now());
    deps.log.warn({ calibrationRunId: runId, error }, 'calibration run failed');
  } catch (err) {
    // The database is gone (closed at shutdown): the next start marks the run interrupted.
    deps.log.error({ err, calibrationRunId: runId }, 'could not record how a calibration run ended');
  }
}
