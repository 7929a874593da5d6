import { createHash, randomUUID } from 'node:crypto';
import type { Ctx } from './context.ts';

/** For pages only their reader may keep: the browser stores them but asks every time, and no shared cache keeps them. */
export const PRIVATE_REVALIDATE = 'private, no-cache';

/** Changes on every start, so a new build's templates never answer 304 to a page an older one drew. */
const PROCESS_TAG = randomUUID();

/** A strong ETag over every input of a page: its content's version and its layout's inputs (layoutKey). */
export function pageTag(layout: string, content: string): string {
  return `"${createHash('sha256').update(JSON.stringify([PROCESS_TAG, layout, content])).digest('base64url').slice(0, 27)}"`;
}

/** True when the request's If-None-Match names `etag` (or is `*`). */
function matches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.trim() === '*' || header.split(',').some((t) => t.trim().replace(/^W\//, '') === etag);
}

/** Sets the validator headers; answers 304 (no body) when the browser's copy is still current. */
export function revalidate(c: Ctx, etag: string): Response | undefined {
  c.header('ETag', etag);
  c.header('Cache-Control', PRIVATE_REVALIDATE);
  return matches(c.req.header('if-none-match'), etag) ? c.body(null, 304) : undefined;
}
