import type { CookieOptions } from 'hono/utils/cookie';
import type { Env } from '../config/env.ts';

/** True when the app is served over HTTPS: then every cookie is Secure. */
export function servedOverHttps(env: Env): boolean {
  return env.publicOrigin.startsWith('https://');
}

/**
 * The attributes every cookie here carries: HttpOnly, SameSite=Lax, the whole site, Secure on an
 * https public origin; `maxAgeMs` (rounded down to seconds) for ones that outlive the tab.
 */
export function cookieOptions(env: Env, maxAgeMs?: number): CookieOptions {
  const base = { httpOnly: true, sameSite: 'Lax', path: '/', secure: servedOverHttps(env) } as const;
  return maxAgeMs === undefined ? base : { ...base, maxAge: Math.floor(maxAgeMs / 1000) };
}
