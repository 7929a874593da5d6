import type { Role } from '../auth/account-policy.ts';
import { i18n, type I18n } from '../i18n/index.ts';
import type { AssetUrls } from './assets.ts';
import type { Ctx } from './context.ts';
import { takeFlash } from './flash.ts';

/** What every page's layout needs; assembled here and nowhere else. */
export interface PageContext {
  assets: AssetUrls;
  /** The signed-in account, if any (anonymous writers have none to show). */
  account: { username: string; role: Role } | undefined;
  flash: string | undefined;
  studentMode: 'open' | 'accounts';
  i18n: I18n;
  /** This page's path and query, so the language switch can come back to it. */
  here: string;
}

export function pageContext(c: Ctx): PageContext {
  const user = c.get('user');
  return {
    assets: c.get('deps').assets.urls,
    account: user && !user.anonymous && user.username ? { username: user.username, role: user.role } : undefined,
    flash: takeFlash(c),
    studentMode: c.get('deps').config.current.files.auth.student_mode,
    // Set by loadLocale; English when an error happens before it ran.
    i18n: c.get('i18n') ?? i18n('en'),
    here: c.req.method === 'GET' ? pathAndQuery(c.req.url) : '/',
  };
}

/** Characters the URL parser leaves alone in a path (no `%`: `%2e` is a dot), and dot segments (which it resolves). */
const PLAIN_PATH = /^\/[\w\-.~!$&'()*+,;=:@/]*$/;
const DOT_SEGMENT = /\/\.\.?(?:\/|$)/;

/**
 * The path and query of a request URL, as `new URL()` gives them. A plain path without a query (most
 * pages) is already in that form and is taken as it is: parsing a URL cost 2 % of a cached page.
 */
export function pathAndQuery(url: string): string {
  const start = url.indexOf('/', url.indexOf('//') + 2);
  const path = start === -1 ? '' : url.slice(start);
  if (PLAIN_PATH.test(path) && !DOT_SEGMENT.test(path)) return path;
  const u = new URL(url);
  return u.pathname + u.search;
}

const assetKeys = new WeakMap<AssetUrls, string>();

/** Everything the layout draws from a PageContext, as a string: part of the key of a page rendered once (see page-cache.ts). */
export function layoutKey(ctx: PageContext): string {
  let assets = assetKeys.get(ctx.assets);
  if (assets === undefined) assetKeys.set(ctx.assets, (assets = JSON.stringify(ctx.assets)));
  return assets + JSON.stringify([ctx.account, ctx.flash, ctx.studentMode, ctx.i18n.locale, ctx.here]);
}
