import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { ErrorPage } from '../views/pages/error.tsx';
import { wantsJson, type Ctx } from './context.ts';
import { pageContext } from './page-context.ts';
import { renderPage } from './render.ts';

/** Error statuses the app answers with a page of its own (title and text in the message catalogs). */
export const ERROR_STATUSES = [400, 403, 404, 413, 415, 429, 500] as const;
export type ErrorStatus = (typeof ERROR_STATUSES)[number];

/** An error as a page (or JSON when asked for), in the UI language, never a stack trace. */
export function errorResponse(c: Ctx, status: ErrorStatus, message?: string) {
  const ctx = pageContext(c);
  const { t } = ctx.i18n;
  const title = t(`http.${status}.title`);
  const text = message ?? t(`http.${status}.text`);
  const requestId = c.get('requestId');
  if (wantsJson(c)) return c.json({ error: title, message: text, requestId }, status);
  return renderPage(c, <ErrorPage ctx={ctx} title={title} message={text} requestId={status >= 500 ? requestId : undefined} />, status as ContentfulStatusCode);
}

export function notFound(c: Ctx) {
  return errorResponse(c, 404);
}

/** Last resort for thrown errors: known HTTP errors get their page, anything else a logged 500. */
export function onError(err: Error, c: Ctx) {
  if (err instanceof HTTPException && (ERROR_STATUSES as readonly number[]).includes(err.status)) return errorResponse(c, err.status as ErrorStatus);
  c.get('deps').log.error({ err: { type: err.name, message: err.message, stack: err.stack }, requestId: c.get('requestId') }, 'unhandled error');
  return errorResponse(c, 500);
}
