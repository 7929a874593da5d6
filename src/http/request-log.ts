import { createMiddleware } from 'hono/factory';
import type { AppEnv } from './context.ts';

/** One log line per request: id, method, route pattern (never the query string), status, duration. */
export const requestLog = createMiddleware<AppEnv>(async (c, next) => {
  const started = performance.now();
  await next();
  c.var.deps.log.info(
    {
      requestId: c.var.requestId,
      method: c.req.method,
      route: c.req.routePath,
      status: c.res.status,
      durationMs: Math.round((performance.now() - started) * 10) / 10,
    },
    'request',
  );
});
