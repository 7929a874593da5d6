import { timingSafeEqual } from 'node:crypto';
import type { Ctx } from '../http/context.ts';
import { checkHealth } from '../health.ts';

/** True for a request carrying METRICS_TOKEN as a bearer token (constant-time compare). */
function hasToken(c: Ctx): boolean {
  const token = c.var.deps.config.env.metricsToken;
  const given = /^Bearer (.+)$/.exec(c.req.header('authorization') ?? '')?.[1];
  if (!token || !given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** GET /healthz — liveness: 200 while serving, 503 while draining on shutdown. */
export function showLiveness(c: Ctx) {
  c.header('Cache-Control', 'no-store');
  return c.var.deps.lifecycle.draining ? c.text('draining', 503) : c.text('ok');
}

/** GET /health — readiness JSON; details (paths, counts, versions) only for admins and token holders. */
export function showReadiness(c: Ctx) {
  const { db, config } = c.var.deps;
  const health = checkHealth(db, config, c.var.deps.gate, c.var.deps.now());
  const privileged = c.var.user?.role === 'admin' || hasToken(c);
  const checks = Object.fromEntries(
    Object.entries(health.checks).map(([name, check]) => [name, privileged ? { status: check.ok ? 'ok' : 'failing', detail: check.detail } : check.ok ? 'ok' : 'failing']),
  );
  c.header('Cache-Control', 'no-store');
  return c.json({ status: health.status, checks }, health.status === 'fail' ? 503 : 200);
}

/** Production keeps /metrics closed without a token unless METRICS_PUBLIC=true opens it on purpose. */
function metricsNeedToken(env: Ctx['var']['deps']['config']['env']): boolean {
  return Boolean(env.metricsToken) || (env.nodeEnv === 'production' && !env.metricsPublic);
}

/** GET /metrics — Prometheus text format; needs the bearer token when METRICS_TOKEN is set (always, in production). */
export async function showMetrics(c: Ctx) {
  if (metricsNeedToken(c.var.deps.config.env) && !hasToken(c)) {
    c.header('WWW-Authenticate', 'Bearer realm="metrics"');
    return c.text('A bearer token is required.', 401);
  }
  const { registry } = c.var.deps.metrics;
  return c.body(await registry.metrics(), 200, { 'Content-Type': registry.contentType, 'Cache-Control': 'no-store' });
}
