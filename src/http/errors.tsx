import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { ErrorPage } from '../views/pages/error.tsx';
import { wantsJson, type Ctx } from './context.ts';
import { pageContext } from './page-context.ts';
import { renderPage } from './render.ts';

/** The plain-language answer for each error status the app sends. */
export const ERRORS = {
  400: ['Bad request', 'The request could not be read. Go back, reload the page and try again.'],
  403: ['Request refused', 'This form was sent from another site or from an outdated page. Go back, reload the page and submit again; your text is still in the form.'],
  404: ['Page not found', 'There is nothing at this address. If you followed a link to an evaluation, it may belong to another browser or account.'],
  413: ['Too much text', 'What you sent is larger than this server accepts (64 KiB). Go back: your text is still in the form. Shorten it and submit again.'],
  415: ['Unsupported form', 'Send the form from the page itself (as a normal web form).'],
  429: ['Too many requests', 'You have sent a lot of requests in a short time. Wait a little (the page says how long in its Retry-After header) and try again; nothing you sent before was lost.'],
  500: ['Something went wrong', 'The server hit an unexpected problem. Your memo, if you sent one, is saved. Try again in a moment.'],
} as const satisfies Record<number, readonly [string, string]>;

export type ErrorStatus = keyof typeof ERRORS;

/** An error as a page (or JSON when asked for), never a stack trace. */
export function errorResponse(c: Ctx, status: ErrorStatus, message?: string) {
  const [title, text] = ERRORS[status];
  const requestId = c.var.requestId;
  if (wantsJson(c)) return c.json({ error: title, message: message ?? text, requestId }, status);
  return renderPage(c, <ErrorPage ctx={pageContext(c)} title={title} message={message ?? text} requestId={status >= 500 ? requestId : undefined} />, status as ContentfulStatusCode);
}

export function notFound(c: Ctx) {
  return errorResponse(c, 404);
}

/** Last resort for thrown errors: known HTTP errors get their page, anything else a logged 500. */
export function onError(err: Error, c: Ctx) {
  if (err instanceof HTTPException && err.status in ERRORS) return errorResponse(c, err.status as ErrorStatus);
  c.var.deps.log.error({ err: { type: err.name, message: err.message, stack: err.stack }, requestId: c.var.requestId }, 'unhandled error');
  return errorResponse(c, 500);
}
