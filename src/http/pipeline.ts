import type { MiddlewareHandler, Next } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { getCookie } from 'hono/cookie';
import { csrf } from 'hono/csrf';
import type { AppDeps, AppEnv, Ctx } from './context.ts';
import { errorResponse } from './errors.tsx';
import { passwordChangeFirst } from './guards.ts';
import { requireOwnHost } from './host-check.ts';
import { createLimiters } from './limiters.ts';
import { applyLocale, LANG_COOKIE } from './locale.ts';
import { ipRateLimited } from './rate-limit.ts';
import { presetSecureHeaders } from './security-headers.ts';
import { applySession } from './session.ts';

/** Largest request body accepted on any route (forms are small; a 10 000-character memo is < 45 KiB). */
export const BODY_LIMIT_BYTES = 64 * 1024;

/** Origins whose form posts are accepted: the public origin, plus 127.0.0.1 when running locally. */
export function allowedOrigins(deps: AppDeps): string[] {
  const env = deps.config.env;
  return env.originIsDefault ? [env.publicOrigin, `http://127.0.0.1:${env.port}`] : [env.publicOrigin];
}

const CSP = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  baseUri: ["'none'"],
  objectSrc: ["'none'"],
};

/** Methods that change nothing: no body limit, CSRF or host check can apply to them. */
const SAFE = new Set(['GET', 'HEAD']);

/**
 * Everything a request goes through before its route, in this order: UI language, security
 * headers, requests per IP, then for requests that may change something the body limit (413), CSRF
 * (403) and the host check (403), then the session and the temporary-password guard (303/403). One
 * hono layer instead of nine: every layer costs an async frame and a few promises on every request,
 * which was most of a cached page's time.
 * A step that answers (429, 413, 403) ends the request there, as its own layer did.
 */
export function requestPipeline(deps: AppDeps): MiddlewareHandler<AppEnv> {
  const secure = presetSecureHeaders({
    contentSecurityPolicy: CSP,
    strictTransportSecurity: 'max-age=31536000; includeSubDomains',
    xFrameOptions: 'DENY',
    referrerPolicy: 'strict-origin-when-cross-origin',
  });
  const limiters = createLimiters(deps.config, deps.now);
  const origins = allowedOrigins(deps);
  const changing: MiddlewareHandler<AppEnv>[] = [
    bodyLimitUnlessBodyless(),
    csrf({ origin: origins }),
    requireOwnHost(origins),
  ];
  return async (c, next) => {
    const cookies = getCookie(c);
    applyLocale(c, cookies[LANG_COOKIE]);
    const pending = secure(c);
    if (pending) await pending;
    const over = ipRateLimited(c, limiters);
    if (over) return over;
    const rest = () => {
      applySession(c, cookies);
      return passwordChangeFirst(c) ?? next();
    };
    if (SAFE.has(c.req.method)) return rest();
    return chain(changing, c, rest);
  };
}

/** hono's bodyLimit, skipped for OPTIONS (GET and HEAD never get this far): asking a bodyless request for its body builds a full WHATWG Request. */
function bodyLimitUnlessBodyless(): MiddlewareHandler<AppEnv> {
  const limit = bodyLimit({ maxSize: BODY_LIMIT_BYTES, onError: (c) => errorResponse(c, 413) });
  return (c, next) => (c.req.method === 'OPTIONS' ? next() : limit(c, next));
}

/** Runs middlewares one inside the other, then `last`, as hono would for consecutive layers. */
function chain(list: MiddlewareHandler<AppEnv>[], c: Ctx, last: () => ReturnType<Next> | Response | Promise<Response>, i = 0): ReturnType<MiddlewareHandler<AppEnv>> | Response {
  const mw = list[i];
  if (!mw) return last();
  return mw(c, async () => {
    const res = await chain(list, c, last, i + 1);
    if (res instanceof Response) c.res = res;
  });
}
