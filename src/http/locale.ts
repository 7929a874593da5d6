import { getCookie, setCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import { i18n, isLocale, negotiateLocale, type Locale } from '../i18n/index.ts';
import type { AppEnv, Ctx } from './context.ts';
import { cookieOptions } from './cookies.ts';
import { DAY } from '../time.ts';

/** Cookie remembering a language chosen with the switch. */
export const LANG_COOKIE = 'memo_lang';

const cache = new Map<Locale, ReturnType<typeof i18n>>();

/** The UI language: the remembered choice, else the browser's Accept-Language, else English. */
export const loadLocale = createMiddleware<AppEnv>(async (c, next) => {
  const chosen = getCookie(c, LANG_COOKIE);
  const locale = isLocale(chosen) ? chosen : negotiateLocale(c.req.header('accept-language'));
  if (!cache.has(locale)) cache.set(locale, i18n(locale));
  c.set('i18n', cache.get(locale)!);
  c.header('Vary', 'Accept-Language, Cookie', { append: true });
  c.header('Content-Language', locale);
  await next();
});

/** Remembers a language for a year. */
export function rememberLocale(c: Ctx, locale: Locale): void {
  setCookie(c, LANG_COOKIE, locale, cookieOptions(c.get('deps').config.env, 365 * DAY));
}
