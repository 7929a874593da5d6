import { createMiddleware } from 'hono/factory';
import type { User } from '../db/schema.ts';
import { wantsJson, type AppEnv, type Ctx } from './context.ts';
import { errorResponse } from './errors.tsx';

/** `/login?next=<this page>`, so signing in comes back here. */
function loginRedirect(c: Ctx) {
  const url = new URL(c.req.url);
  return c.redirect(`/login?next=${encodeURIComponent(url.pathname + url.search)}`, 303);
}

/** A console guard: anonymous GETs go to the login page; a signed-in account without one of `roles` gets 403. */
function requireRole(roles: readonly User['role'][], refusal: 'guard.adminOnly' | 'guard.staffOnly') {
  return createMiddleware<AppEnv>(async (c, next) => {
    const user = c.get('user');
    if (!user || user.anonymous) {
      if (c.req.method === 'GET' && !wantsJson(c)) return loginRedirect(c);
      return errorResponse(c, 403, c.get('i18n').t('guard.signInAdmin'));
    }
    if (!roles.includes(user.role)) return errorResponse(c, 403, c.get('i18n').t(refusal));
    await next();
  });
}

/** The console (/admin/*): instructors and admins; what an instructor sees is scoped to their assignments. */
export const requireStaff = requireRole(['instructor', 'admin'], 'guard.staffOnly');

/** Users, sessions, config, audit and system: admins only. */
export const requireAdmin = requireRole(['admin'], 'guard.adminOnly');

/** Student pages in `accounts` mode need a signed-in account; in `open` mode anyone may write. */
export const requireWriterAccess = createMiddleware<AppEnv>(async (c, next) => {
  if (c.get('deps').config.current.files.auth.student_mode === 'accounts') {
    const user = c.get('user');
    if (!user || user.anonymous) {
      if (c.req.method === 'GET' && !wantsJson(c)) return loginRedirect(c);
      return errorResponse(c, 403, c.get('i18n').t('guard.signInSubmit'));
    }
  }
  await next();
});

const ALLOWED_WHILE_CHANGING = new Set(['/account/password', '/logout']);

/**
 * An account with a temporary password may only change it (or sign out) until it does: the answer
 * to any other request (a 303 to the form, or 403), else undefined. Every path: a step of the
 * request pipeline, right after the session is known.
 */
export function passwordChangeFirst(c: Ctx): Response | Promise<Response> | undefined {
  const user = c.get('user');
  if (!user?.mustChangePassword || ALLOWED_WHILE_CHANGING.has(c.req.path) || c.req.path.startsWith('/static/')) return undefined;
  if (c.req.method === 'GET') return c.redirect('/account/password', 303);
  return errorResponse(c, 403, c.get('i18n').t('guard.changePassword'));
}
