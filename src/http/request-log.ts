import type { MiddlewareHandler } from 'hono';
import type { AppDeps, AppEnv } from './context.ts';
import { assignRequestId } from './request-id.ts';

/**
 * The outermost layer: the app's dependencies and a request id for every request, then one log
 * line and one metrics observation per request: id, method, route pattern (never the query string,
 * which may hold search text), status, duration. Errors thrown further in have already become a
 * response (hono's onError) when this layer sees it.
 */
export function requestLog(deps: AppDeps): MiddlewareHandler<AppEnv> {
  const { metrics } = deps;
  // Redaction walks every logged object for secret-looking keys (a third of a line's cost); these
  // lines hold only the five fields below, none of which can carry a secret or memo text.
  const log = deps.log.child({}, { redact: [] });
  return async (c, next) => {
    const started = performance.now();
    c.set('deps', deps);
    assignRequestId(c);
    await next();
    const seconds = (performance.now() - started) / 1000;
    const route = c.req.routePath;
    const { method } = c.req;
    const { status } = c.res;
    metrics.observeRequest(method, route, status, seconds);
    log.info({ requestId: c.get('requestId'), method, route, status, durationMs: Math.round(seconds * 10_000) / 10 }, 'request');
  };
}
