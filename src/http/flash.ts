import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { Ctx } from './context.ts';
import { cookieOptions } from './cookies.ts';
import { MINUTE } from '../time.ts';

const NAME = 'memo_flash';

/** A one-shot message for the next page (after a 303). */
export function setFlash(c: Ctx, message: string): void {
  setCookie(c, NAME, encodeURIComponent(message.slice(0, 300)), cookieOptions(c.get('deps').config.env, MINUTE));
}

/** True when a flash message waits for this request's page (such a page is drawn afresh, never from a cache or a 304). */
export function hasFlash(c: Ctx): boolean {
  return getCookie(c, NAME) !== undefined;
}

/** Reads and clears the pending flash message, if any. */
export function takeFlash(c: Ctx): string | undefined {
  const raw = getCookie(c, NAME);
  if (raw === undefined) return undefined;
  deleteCookie(c, NAME, cookieOptions(c.get('deps').config.env));
  try {
    return decodeURIComponent(raw);
  } catch {
    return undefined;
  }
}
