/**
 * The calibration runs going on in this process: shutdown aborts them, tests (and the command line)
 * wait for one with `whenDone`.
 */
export class CalibrationRegistry {
  readonly #running = new Map<number, Promise<void>>();
  readonly #stop = new AbortController();
  /** Pause between two polls of a Message Batch (batches take minutes to hours; tests shorten it). */
  batchPollMs = 30_000;

  /** Aborted at shutdown: every run's readings stop. */
  get signal(): AbortSignal {
    return this.#stop.signal;
  }

  /** Keeps a run's promise until it settles. */
  track(id: number, run: Promise<void>): void {
    const p = run.finally(() => this.#running.delete(id));
    this.#running.set(id, p);
  }

  /** Resolves when the run has finished (at once if it is not running here). */
  async whenDone(id: number): Promise<void> {
    await this.#running.get(id);
  }

  /** Aborts every run and waits for them to record how they ended. */
  async stop(): Promise<void> {
    this.#stop.abort();
    await Promise.allSettled([...this.#running.values()]);
  }
}
