import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { html } from 'hono/html';
import type { Ctx } from './context.ts';

/** Sends a full HTML document. */
export function renderPage(c: Ctx, page: unknown, status: ContentfulStatusCode = 200) {
  return c.html(html`<!doctype html>${page}`, status);
}

/** Sends an HTML fragment (htmx swaps). */
export function renderFragment(c: Ctx, fragment: unknown, status: ContentfulStatusCode = 200) {
  return c.html(html`${fragment}`, status);
}

/** 303 to a GET for plain forms; HX-Redirect (no body) for htmx, whose fetch would follow a 303 silently. */
export function redirectAfterPost(c: Ctx, location: string, htmx: boolean) {
  if (htmx) {
    c.header('HX-Redirect', location);
    return c.body(null, 204);
  }
  return c.redirect(location, 303);
}
