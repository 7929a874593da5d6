import { setCookie } from 'hono/cookie';
import { i18n, isLocale, negotiateLocale, type Locale } from '../i18n/index.ts';
import type { Ctx } from './context.ts';
import { cookieOptions } from './cookies.ts';
import { setRequestHeader } from './response-headers.ts';
import { DAY } from '../time.ts';

/** Cookie remembering a language chosen with the switch. */
export const LANG_COOKIE = 'memo_lang';

const cache = new Map<Locale, ReturnType<typeof i18n>>();

/** The UI language: the remembered choice (`chosen`, the cookie's value), else the browser's Accept-Language, else English. */
export function applyLocale(c: Ctx, chosen: string | undefined): void {
  const locale = isLocale(chosen) ? chosen : negotiateLocale(c.req.header('accept-language'));
  let translator = cache.get(locale);
  if (!translator) cache.set(locale, (translator = i18n(locale)));
  c.set('i18n', translator);
  setRequestHeader(c, 'Vary', 'Accept-Language, Cookie');
  setRequestHeader(c, 'Content-Language', locale);
}

/** Remembers a language for a year. */
export function rememberLocale(c: Ctx, locale: Locale): void {
  setCookie(c, LANG_COOKIE, locale, cookieOptions(c.get('deps').config.env, 365 * DAY));
}
