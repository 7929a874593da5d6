import type { ServerResponse } from 'node:http';
import type { Ctx } from './context.ts';

/**
 * Sets a header that every answer to this request carries, whatever the route answers (security
 * headers, request id, language). Under the real server it goes straight onto Node's response
 * (`outgoing.setHeader`), where the route's own headers are merged over it when the answer is
 * written; a route that sets the same header wins. Set through hono instead (`c.header`), each
 * header would go into a WHATWG `Headers` and make @hono/node-server build and walk one for every
 * page, which cost about a fifth of a cached page's time. With no Node response (`app.request()` in
 * tests) it falls back to `c.header`, which puts the same headers on the answer.
 */
export function setRequestHeader(c: Ctx, name: string, value: string): void {
  setRequestHeaders(c, [[name, value]]);
}

/** setRequestHeader for a list of headers. */
export function setRequestHeaders(c: Ctx, headers: readonly (readonly [string, string])[]): void {
  const outgoing = nodeResponse(c);
  for (const [name, value] of headers) {
    if (outgoing) outgoing.setHeader(name, value);
    else c.header(name, value);
  }
}

function nodeResponse(c: Ctx): ServerResponse | undefined {
  const env = c.env as { outgoing?: unknown } | undefined;
  const outgoing = env?.outgoing;
  return outgoing && typeof (outgoing as ServerResponse).setHeader === 'function' && !(outgoing as ServerResponse).headersSent ? (outgoing as ServerResponse) : undefined;
}
