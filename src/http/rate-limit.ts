import { createMiddleware } from 'hono/factory';
import { clientKey } from './client-ip.ts';
import { isWriterEvaluationPending } from '../db/queries/evaluations.ts';
import { untilNextWrite } from '../db/data-version.ts';
import type { AppEnv, Ctx } from './context.ts';
import { ID_DIGITS, idParam } from './id-param.ts';
import { errorResponse } from './errors.tsx';
import type { FixedWindowLimiter, Limiters } from './limiters.ts';

/** Paths never counted: assets and the probes monitoring systems hit all day. */
const EXEMPT = /^\/(static\/|healthz$|health$|metrics$)/;

/** A GET of one evaluation page: counted later by pollRateLimit, once the session is known. */
const EVALUATION_PAGE = new RegExp(`^/evaluations/${ID_DIGITS}$`);

function limited(c: Ctx, limiter: FixedWindowLimiter, key: string): Response | undefined {
  const res = limiter.hit(key);
  if (res.ok) return undefined;
  c.header('Retry-After', String(res.retryAfterSeconds));
  return errorResponse(c, 429) as Response;
}

/** Requests per IP per hour (auth.yaml); over it: a 429 response with Retry-After and a friendly page, else undefined. */
export function ipRateLimited(c: Ctx, limiters: Limiters): Response | undefined {
  c.set('limiters', limiters);
  const path = c.req.path;
  if (EXEMPT.test(path) || (c.req.method === 'GET' && EVALUATION_PAGE.test(path))) return undefined;
  return limited(c, limiters.perIp, clientKey(c));
}

/**
 * GET /evaluations/:id: the writer polling their own pending evaluation counts per session (a class
 * behind one NAT shares an address); every other view of the page counts per IP as usual.
 */
export const pollRateLimit = createMiddleware<AppEnv>(async (c, next) => {
  if (c.req.method !== 'GET') return next();
  const [user, session, limiters] = [c.get('user'), c.get('session'), c.get('limiters')];
  const id = idParam(c.req.param('id'));
  const db = c.get('deps').db;
  // Asked on every view of a result page; it changes only with a write (the run's start or end).
  const polling = user && session && id !== undefined && untilNextWrite(db, `writer-pending ${id} ${user.id}`, () => isWriterEvaluationPending(db, id, user.id));
  const over = polling ? limited(c, limiters.perSession, session.id) : limited(c, limiters.perIp, clientKey(c));
  return over ?? next();
});
