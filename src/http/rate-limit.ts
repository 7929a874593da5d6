import { createMiddleware } from 'hono/factory';
import { clientIp } from './client-ip.ts';
import type { AppEnv } from './context.ts';
import { errorResponse } from './errors.tsx';

/** Paths never counted: assets and the probes monitoring systems hit all day. */
const EXEMPT = /^\/(static\/|healthz$|health$|metrics$)/;

/**
 * Fixed-window counters per key, in memory (one process serves the app). `limit` is read on every
 * hit so a config change applies at once.
 */
export class FixedWindowLimiter {
  readonly #windows = new Map<string, { start: number; count: number }>();

  constructor(
    private readonly limit: () => number,
    private readonly windowMs: number,
    private readonly now: () => number,
  ) {}

  /** Counts one hit; when over the limit returns the seconds until the window resets. */
  hit(key: string): { ok: true } | { ok: false; retryAfterSeconds: number } {
    const t = this.now();
    let w = this.#windows.get(key);
    if (!w || t - w.start >= this.windowMs) {
      if (this.#windows.size > 50_000) this.prune(t);
      w = { start: t, count: 0 };
      this.#windows.set(key, w);
    }
    w.count++;
    if (w.count <= this.limit()) return { ok: true };
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((w.start + this.windowMs - t) / 1000)) };
  }

  private prune(t: number): void {
    for (const [k, w] of this.#windows) if (t - w.start >= this.windowMs) this.#windows.delete(k);
  }
}

/** Requests per IP per hour (auth.yaml); over it: 429 with Retry-After and a friendly page. */
export function ipRateLimit(limiter: FixedWindowLimiter) {
  return createMiddleware<AppEnv>(async (c, next) => {
    if (EXEMPT.test(c.req.path)) return next();
    const res = limiter.hit(clientIp(c));
    if (!res.ok) {
      c.header('Retry-After', String(res.retryAfterSeconds));
      return errorResponse(c, 429);
    }
    await next();
  });
}
