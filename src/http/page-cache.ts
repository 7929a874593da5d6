import { html } from 'hono/html';
import type { Ctx } from './context.ts';

/** Memory the rendered pages may hold, keys included (UTF-16: two bytes a character); the oldest go first. */
const MAX_BYTES = 16 * 1024 * 1024;

const pages = new Map<string, string>();
let bytes = 0;

const size = (key: string, body: string) => 2 * (key.length + body.length);

function remember(key: string, body: string): void {
  if (size(key, body) > MAX_BYTES / 8) return;
  bytes += size(key, body);
  pages.set(key, body);
  for (const [oldKey, oldBody] of pages) {
    if (bytes <= MAX_BYTES) break;
    pages.delete(oldKey);
    bytes -= size(oldKey, oldBody);
  }
}

/**
 * Sends a full HTML document rendered once per `key`. The key must name every input of the page:
 * the layout's (layoutKey) and the content's (an ETag from pageTag, or the props themselves).
 */
export async function renderCachedPage(c: Ctx, key: string, page: () => unknown) {
  let body = pages.get(key);
  if (body === undefined) {
    body = String(await html`<!doctype html>${page()}`);
    remember(key, body);
  }
  return c.html(body);
}
