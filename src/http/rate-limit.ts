import { createMiddleware } from 'hono/factory';
import { clientKey } from './client-ip.ts';
import type { AppEnv } from './context.ts';
import { errorResponse } from './errors.tsx';

/** Paths never counted: assets and the probes monitoring systems hit all day. */
const EXEMPT = /^\/(static\/|healthz$|health$|metrics$)/;

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

/** Requests per IP per hour (auth.yaml); over it: 429 with Retry-After and a friendly page. */
export function ipRateLimit(limiter: FixedWindowLimiter) {
  return createMiddleware<AppEnv>(async (c, next) => {
    if (EXEMPT.test(c.req.path)) return next();
    const res = limiter.hit(clientKey(c));
    if (!res.ok) {
      c.header('Retry-After', String(res.retryAfterSeconds));
      return errorResponse(c, 429);
    }
    await next();
  });
}
