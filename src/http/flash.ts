import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { Ctx } from './context.ts';
import { sessionCookie } from './session.ts';

const NAME = 'memo_flash';

/** Secure exactly when the session cookie is: on an https public origin. */
const secure = (c: Ctx) => sessionCookie(c.var.deps.config.env).secure;

/** A one-shot message for the next page (after a 303). */
export function setFlash(c: Ctx, message: string): void {
  setCookie(c, NAME, encodeURIComponent(message.slice(0, 300)), { httpOnly: true, sameSite: 'Lax', path: '/', maxAge: 60, secure: secure(c) });
}

/** Reads and clears the pending flash message, if any. */
export function takeFlash(c: Ctx): string | undefined {
  const raw = getCookie(c, NAME);
  if (raw === undefined) return undefined;
  deleteCookie(c, NAME, { path: '/', secure: secure(c) });
  try {
    return decodeURIComponent(raw);
  } catch {
    return undefined;
  }
}
