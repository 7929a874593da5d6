import { createMiddleware } from 'hono/factory';
import type { AppEnv } from './context.ts';

/**
 * One log line and one metrics observation per request: id, method, route pattern (never the
 * query string, which may hold search text), status, duration.
 */
export const requestLog = createMiddleware<AppEnv>(async (c, next) => {
  const started = performance.now();
  await next();
  const seconds = (performance.now() - started) / 1000;
  const route = c.req.routePath;
  c.get('deps').metrics.observeRequest(c.req.method, route, c.res.status, seconds);
  c.get('deps').log.info(
    { requestId: c.get('requestId'), method: c.req.method, route, status: c.res.status, durationMs: Math.round(seconds * 10_000) / 10 },
    'request',
  );
});
