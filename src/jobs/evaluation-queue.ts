import type { Logger } from 'pino';
import type { Db } from '../db/client.ts';
import { claimNextQueued, nextNotBefore, requeueRunning, type ClaimedJob } from '../db/queries/evaluations.ts';

export interface QueueDeps {
  db: Db;
  now: () => number;
  log: Logger;
  /** Read on every pump, so a config change of concurrency applies at once. */
  concurrency: () => number;
  run: (job: ClaimedJob, shutdown: AbortSignal) => Promise<unknown>;
  /** When the provider has paused the pool, the time it may be called again (0: not paused). */
  pausedUntil?: () => number;
}

/**
 * In-process worker pool over the evaluations table (the table is the queue, so nothing is lost
 * when the process dies). Claims FIFO up to `concurrency` jobs at a time; claims nothing while the
 * provider has paused the pool, and wakes itself when a pause or a deferred evaluation is due.
 */
export class EvaluationQueue {
  readonly #active = new Map<number, Promise<unknown>>();
  readonly #shutdown = new AbortController();
  #stopping = false;
  #wake: NodeJS.Timeout | undefined;
  #wakeAt = 0;

  constructor(private readonly deps: QueueDeps) {}

  /** Resumes work left by a previous process, then starts claiming. */
  start(): void {
    const n = requeueRunning(this.deps.db);
    if (n > 0) this.deps.log.info({ requeued: n }, 'requeued evaluations interrupted by the last shutdown');
    this.notify();
  }

  /** Call after enqueueing: fills free worker slots. */
  notify(): void {
    while (!this.#stopping && this.#active.size < this.deps.concurrency()) {
      const paused = this.deps.pausedUntil?.() ?? 0;
      if (paused) return this.wakeAt(paused);
      const now = this.deps.now();
      const job = claimNextQueued(this.deps.db, now);
      if (!job) {
        const due = nextNotBefore(this.deps.db, now);
        return due === undefined ? undefined : this.wakeAt(due);
      }
      const p = this.deps
        .run(job, this.#shutdown.signal)
        .catch((err: unknown) => this.deps.log.error({ err, evaluationId: job.id }, 'evaluation worker crashed'))
        .finally(() => {
          this.#active.delete(job.id);
          this.notify();
        });
      this.#active.set(job.id, p);
    }
  }

  /** Runs notify() at `t` (the earliest wake-up wins; one timer at a time). */
  wakeAt(t: number): void {
    if (this.#stopping || (this.#wake && this.#wakeAt <= t)) return;
    clearTimeout(this.#wake);
    this.#wakeAt = t;
    this.#wake = setTimeout(() => {
      this.#wake = undefined;
      this.notify();
    }, Math.max(0, t - this.deps.now()) + 5);
    this.#wake.unref();
  }

  get activeCount(): number {
    return this.#active.size;
  }

  /** Resolves when no job is running (for tests and shutdown). */
  async idle(): Promise<void> {
    while (this.#active.size > 0) await Promise.allSettled([...this.#active.values()]);
  }

  /**
   * Stops claiming, lets running jobs finish for up to `graceMs`, then aborts the rest (they are
   * requeued for the next start).
   */
  async stop(graceMs: number): Promise<void> {
    this.#stopping = true;
    clearTimeout(this.#wake);
    const timer = new Promise<'timeout'>((r) => setTimeout(r, graceMs, 'timeout').unref());
    const result = await Promise.race([this.idle().then(() => 'idle' as const), timer]);
    if (result === 'timeout') {
      this.#shutdown.abort();
      await this.idle();
    }
  }
}
