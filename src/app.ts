import { Hono } from 'hono';
import type { AppDeps, AppEnv } from './http/context.ts';
import { notFound, onError } from './http/errors.tsx';
import { requestLog } from './http/request-log.ts';
import { requestPipeline } from './http/pipeline.ts';
import { mountRoutes } from './routes/index.ts';
import { renderWithoutAsyncContext } from './views/render-context.ts';

/**
 * Builds the app from its dependencies; tests call app.request() on it with no server. Two layers
 * before the routes: the request log (outermost, so it sees every answer, errors included), then
 * the request pipeline (language, security headers, limits, CSRF, host check, session).
 */
export function createApp(deps: AppDeps): Hono<AppEnv> {
  renderWithoutAsyncContext();
  const app = new Hono<AppEnv>();
  app.use(requestLog(deps));
  app.use(requestPipeline(deps));
  mountRoutes(app);
  app.notFound(notFound);
  app.onError(onError);
  return app;
}
