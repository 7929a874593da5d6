import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { csrf } from 'hono/csrf';
import type { AppDeps, AppEnv } from './http/context.ts';
import { errorResponse, notFound, onError } from './http/errors.tsx';
import { requestLog } from './http/request-log.ts';
import { serverRequestId } from './http/request-id.ts';
import { createLimiters } from './http/limiters.ts';
import { ipRateLimit } from './http/rate-limit.ts';
import { loadLocale } from './http/locale.ts';
import { loadSession } from './http/session.ts';
import { requireOwnHost } from './http/host-check.ts';
import { onlyWithBody } from './http/body.ts';
import { presetSecureHeaders } from './http/security-headers.ts';
import { mountRoutes } from './routes/index.ts';

/** Largest request body accepted on any route (forms are small; a 10 000-character memo is < 45 KiB). */
export const BODY_LIMIT_BYTES = 64 * 1024;

/** Origins whose form posts are accepted: the public origin, plus 127.0.0.1 when running locally. */
export function allowedOrigins(deps: AppDeps): string[] {
  const env = deps.config.env;
  return env.originIsDefault ? [env.publicOrigin, `http://127.0.0.1:${env.port}`] : [env.publicOrigin];
}

/** Builds the app from its dependencies; tests call app.request() on it with no server. */
export function createApp(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use(serverRequestId);
  app.use(async (c, next) => {
    c.set('deps', deps);
    await next();
  });
  app.use(requestLog);
  app.use(loadLocale);
  app.use(
    presetSecureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'none'"],
        objectSrc: ["'none'"],
      },
      strictTransportSecurity: 'max-age=31536000; includeSubDomains',
      xFrameOptions: 'DENY',
      referrerPolicy: 'strict-origin-when-cross-origin',
    }),
  );
  app.use(ipRateLimit(createLimiters(deps.config, deps.now)));
  app.use(onlyWithBody(bodyLimit({ maxSize: BODY_LIMIT_BYTES, onError: (c) => errorResponse(c, 413) })));
  app.use(csrf({ origin: allowedOrigins(deps) }));
  app.use(requireOwnHost(allowedOrigins(deps)));
  app.use(loadSession);
  mountRoutes(app);
  app.notFound(notFound);
  app.onError(onError);
  return app;
}
