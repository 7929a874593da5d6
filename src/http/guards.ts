import { createMiddleware } from 'hono/factory';
import { wantsJson, type AppEnv, type Ctx } from './context.ts';
import { errorResponse } from './errors.tsx';

/** `/login?next=<this page>`, so signing in comes back here. */
function loginRedirect(c: Ctx) {
  const url = new URL(c.req.url);
  return c.redirect(`/login?next=${encodeURIComponent(url.pathname + url.search)}`, 303);
}

/** Admin pages: anonymous GETs go to the login page; everyone else who isn't an admin gets 403. */
export const requireAdmin = createMiddleware<AppEnv>(async (c, next) => {
  const user = c.var.user;
  if (!user || user.anonymous) {
    if (c.req.method === 'GET' && !wantsJson(c)) return loginRedirect(c);
    return errorResponse(c, 403, c.var.i18n.t('guard.signInAdmin'));
  }
  if (user.role !== 'admin') return errorResponse(c, 403, c.var.i18n.t('guard.adminOnly'));
  await next();
});

/** Student pages in `accounts` mode need a signed-in account; in `open` mode anyone may write. */
export const requireWriterAccess = createMiddleware<AppEnv>(async (c, next) => {
  if (c.var.deps.config.current.files.auth.student_mode === 'accounts') {
    const user = c.var.user;
    if (!user || user.anonymous) {
      if (c.req.method === 'GET' && !wantsJson(c)) return loginRedirect(c);
      return errorResponse(c, 403, c.var.i18n.t('guard.signInSubmit'));
    }
  }
  await next();
});

const ALLOWED_WHILE_CHANGING = new Set(['/account/password', '/logout']);

/** An account with a temporary password may only change it (or sign out) until it does. */
export const requirePasswordChanged = createMiddleware<AppEnv>(async (c, next) => {
  const user = c.var.user;
  if (user?.mustChangePassword && !ALLOWED_WHILE_CHANGING.has(c.req.path) && !c.req.path.startsWith('/static/')) {
    if (c.req.method === 'GET') return c.redirect('/account/password', 303);
    return errorResponse(c, 403, c.var.i18n.t('guard.changePassword'));
  }
  await next();
});
