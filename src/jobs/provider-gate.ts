import type { ErrorKind } from '../llm/types.ts';
import { sleep } from '../sleep.ts';

/** A stretch of time in which no request went to the provider. */
export interface PauseWindow {
  from: number;
  until: number;
  kind: ErrorKind;
}

export interface Backoff {
  initial_seconds: number;
  max_seconds: number;
}

/** Provider trouble that outlives one pause and needs an operator: shown in /health until a call succeeds. */
interface Trouble {
  state: 'degraded' | 'failed-auth';
  reason: string;
}

const KEEP_WINDOWS = 50;
/** This many bad requests in a row (400s) mean the config, not one memo, is wrong. */
const BAD_REQUEST_STREAK = 3;

/**
 * The worker pool's one view of the provider. A 429/529 (or a billing or auth error) pauses every
 * worker: nothing is sent until the pause ends (retry-after honoured, else exponential backoff with
 * jitter, capped). Attempts sent before a pause began were part of the same storm and don't escalate it.
 */
export class ProviderGate {
  #until = 0;
  #pauseStarted = 0;
  #streak = 0;
  #badRequests = 0;
  #trouble: Trouble | undefined;
  readonly windows: PauseWindow[] = [];
  pausesTotal = 0;

  constructor(
    private readonly now: () => number,
    private readonly backoff: () => Backoff,
    /** Called when a pause starts or grows (the queue schedules its wake-up). */
    private readonly onPause: (until: number) => void = () => {},
  ) {}

  get pausedUntil(): number {
    return this.#until > this.now() ? this.#until : 0;
  }

  /** Resolves once the pool may call the provider again, or at once when `signal` aborts. */
  async wait(signal: AbortSignal): Promise<void> {
    while (this.pausedUntil && !signal.aborted) {
      await sleep(Math.max(1, this.#until - this.now()), signal);
    }
  }

  /** The provider said "not now" to an attempt started at `sentAt`; returns when to try again. */
  providerBusy(kind: ErrorKind, retryAfterMs: number | undefined, sentAt: number): number {
    const now = this.now();
    if (sentAt >= this.#pauseStarted) this.#streak++;
    const delay = retryAfterMs ?? this.backoffMs();
    this.#extend(now, now + delay, kind);
    if (kind === 'auth') this.#trouble = { state: 'failed-auth', reason: 'the provider refused the API key' };
    else if (kind === 'billing') this.#trouble = { state: 'degraded', reason: 'the provider refused for billing reasons (credit or spend limit)' };
    else if (retryAfterMs === undefined) this.#trouble = { state: 'degraded', reason: `${kind} without retry-after (a spend or rate cap?)` };
    return this.#until;
  }

  /** A call got an answer: the storm is over. */
  succeeded(): void {
    this.#streak = 0;
    this.#badRequests = 0;
    this.#trouble = undefined;
  }

  /** A 400: one is the memo's problem, several in a row are the configuration's. */
  badRequest(): void {
    if (++this.#badRequests >= BAD_REQUEST_STREAK) this.#trouble = { state: 'degraded', reason: `${this.#badRequests} requests in a row rejected as invalid (check model and llm.yaml)` };
  }

  /** For /health: ok, or why not. */
  health(): { ok: boolean; detail: string } {
    const paused = this.pausedUntil;
    const parts: string[] = [];
    if (this.#trouble) parts.push(`${this.#trouble.state}: ${this.#trouble.reason}`);
    if (paused) parts.push(`pool paused until ${new Date(paused).toISOString()} (${this.windows.at(-1)?.kind ?? 'provider busy'})`);
    return { ok: parts.length === 0, detail: parts.join('; ') };
  }

  /** Exponential backoff from the configured initial value, capped, with up to 25 % jitter off. */
  private backoffMs(): number {
    const b = this.backoff();
    const base = Math.min(b.max_seconds, b.initial_seconds * 2 ** Math.max(0, this.#streak - 1));
    return base * 1000 * (1 - Math.random() / 4);
  }

  #extend(now: number, until: number, kind: ErrorKind): void {
    if (until <= this.#until) return;
    if (this.#until <= now) {
      this.#pauseStarted = now;
      this.pausesTotal++;
      this.windows.push({ from: now, until, kind });
      if (this.windows.length > KEEP_WINDOWS) this.windows.shift();
    } else {
      const w = this.windows.at(-1)!;
      w.until = until;
      w.kind = kind;
    }
    this.#until = until;
    this.onPause(until);
  }
}
