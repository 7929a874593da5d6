import { createMiddleware } from 'hono/factory';
import { clientKey } from './client-ip.ts';
import { isWriterEvaluationPending } from '../db/queries/evaluations.ts';
import type { AppDeps, AppEnv, Ctx } from './context.ts';
import { ID_DIGITS, idParam } from './id-param.ts';
import { errorResponse } from './errors.tsx';
import { HOUR } from '../time.ts';

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

export interface Limiters {
  perIp: FixedWindowLimiter;
  perSession: FixedWindowLimiter;
  /** Memos per client address per hour (llm.yaml), whoever the writer. */
  submissionsPerAddress: FixedWindowLimiter;
}

/** The limiters of one app, reading their limits from the current auth.yaml. */
export function createLimiters(deps: AppDeps): Limiters {
  const limits = () => deps.config.current.files.auth.rate_limits;
  return {
    perIp: new FixedWindowLimiter(() => limits().requests_per_ip_per_hour, HOUR, deps.now),
    perSession: new FixedWindowLimiter(() => limits().polls_per_session_per_hour, HOUR, deps.now),
    submissionsPerAddress: new FixedWindowLimiter(() => deps.config.current.files.llm.submissions_per_address_per_hour, HOUR, deps.now),
  };
}

/** A GET of one evaluation page: counted later by pollRateLimit, once the session is known. */
const EVALUATION_PAGE = new RegExp(`^/evaluations/${ID_DIGITS}$`);

function limited(c: Ctx, limiter: FixedWindowLimiter, key: string): Response | undefined {
  const res = limiter.hit(key);
  if (res.ok) return undefined;
  c.header('Retry-After', String(res.retryAfterSeconds));
  return errorResponse(c, 429) as Response;
}

/** Requests per IP per hour (auth.yaml); over it: 429 with Retry-After and a friendly page. */
export function ipRateLimit(limiters: Limiters) {
  return createMiddleware<AppEnv>(async (c, next) => {
    c.set('limiters', limiters);
    if (EXEMPT.test(c.req.path) || (c.req.method === 'GET' && EVALUATION_PAGE.test(c.req.path))) return next();
    return limited(c, limiters.perIp, clientKey(c)) ?? next();
  });
}

/**
 * GET /evaluations/:id: the writer polling their own pending evaluation counts per session (a class
 * behind one NAT shares an address); every other view of the page counts per IP as usual.
 */
export const pollRateLimit = createMiddleware<AppEnv>(async (c, next) => {
  if (c.req.method !== 'GET') return next();
  const { user, session, limiters } = c.var;
  const id = idParam(c.req.param('id'));
  const polling = user && session && id !== undefined && isWriterEvaluationPending(c.var.deps.db, id, user.id);
  const over = polling ? limited(c, limiters.perSession, session.id) : limited(c, limiters.perIp, clientKey(c));
  return over ?? next();
});
