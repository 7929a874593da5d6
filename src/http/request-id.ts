import type { Ctx } from './context.ts';
import { setRequestHeader } from './response-headers.ts';

/**
 * A fresh id for every request, sent back as X-Request-Id and put in its log line. Never taken
 * from the client (hono's requestId() would): a chosen id could forge or pollute log lines.
 */
export function assignRequestId(c: Ctx): void {
  const id = crypto.randomUUID();
  c.set('requestId', id);
  setRequestHeader(c, 'X-Request-Id', id);
}
