import { createMiddleware } from 'hono/factory';
import type { AppEnv } from './context.ts';
import { errorResponse } from './errors.tsx';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * State-changing requests must be addressed to the public host. Against DNS rebinding: a page on
 * an attacker's name that resolves to this server is "same-origin" to the browser, so its form
 * posts pass the CSRF check, but they carry the attacker's name in Host.
 */
export function requireOwnHost(origins: string[]) {
  const hosts = new Set(origins.map((o) => new URL(o).host));
  return createMiddleware<AppEnv>(async (c, next) => {
    if (!SAFE_METHODS.has(c.req.method) && !hosts.has(new URL(c.req.url).host)) return errorResponse(c, 403);
    await next();
  });
}
