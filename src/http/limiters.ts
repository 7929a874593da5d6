import type { ConfigStore } from '../config-versions/store.ts';
import { HOUR } from '../time.ts';

/** Most keys a limiter remembers: bounded so a flood of distinct addresses cannot grow memory. */
export const MAX_LIMITER_KEYS = 50_000;

/**
 * Fixed-window counters per key, in memory (one process serves the app). `limit` is read on every
 * hit so a config change applies at once. The map is kept in least-recently-used order and never
 * holds more than `maxKeys`: past that, the key idle longest is forgotten (it starts afresh).
 */
export class FixedWindowLimiter {
  readonly #windows = new Map<string, { start: number; count: number }>();

  constructor(
    private readonly limit: () => number,
    private readonly windowMs: number,
    private readonly now: () => number,
    private readonly maxKeys = MAX_LIMITER_KEYS,
  ) {}

  /** Counts one hit; when over the limit returns the seconds until the window resets. */
  hit(key: string): { ok: true } | { ok: false; retryAfterSeconds: number } {
    const t = this.now();
    let w = this.#windows.get(key);
    this.#windows.delete(key); // re-inserted below: Map order is the LRU order
    if (!w || t - w.start >= this.windowMs) w = { start: t, count: 0 };
    this.#windows.set(key, w);
    if (this.#windows.size > this.maxKeys) this.#windows.delete(this.#windows.keys().next().value!);
    w.count++;
    if (w.count <= this.limit()) return { ok: true };
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((w.start + this.windowMs - t) / 1000)) };
  }

  /** How many keys are remembered (for tests and metrics). */
  get size(): number {
    return this.#windows.size;
  }
}

export interface Limiters {
  perIp: FixedWindowLimiter;
  perSession: FixedWindowLimiter;
  /** Memos per client address per hour (llm.yaml), whoever the writer. */
  submissionsPerAddress: FixedWindowLimiter;
}

/** The limiters of one app, reading their limits from the current auth.yaml. */
export function createLimiters(config: ConfigStore, now: () => number): Limiters {
  const limits = () => config.current.files.auth.rate_limits;
  return {
    perIp: new FixedWindowLimiter(() => limits().requests_per_ip_per_hour, HOUR, now),
    perSession: new FixedWindowLimiter(() => limits().polls_per_session_per_hour, HOUR, now),
    submissionsPerAddress: new FixedWindowLimiter(() => config.current.files.llm.submissions_per_address_per_hour, HOUR, now),
  };
}
