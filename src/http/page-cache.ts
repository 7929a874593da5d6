import { html } from 'hono/html';
import type { Ctx } from './context.ts';

/** Memory the rendered pages may hold, keys included (UTF-16: two bytes a character; pages as UTF-8); the oldest go first. */
const MAX_BYTES = 16 * 1024 * 1024;

/** One cache per app (its dependencies object): a test process builds many apps, each with its own database. */
interface PageStore {
  pages: Map<string, Uint8Array<ArrayBuffer>>;
  bytes: number;
}
const stores = new WeakMap<object, PageStore>();

const UTF8 = new TextEncoder();
const HTML = { 'Content-Type': 'text/html; charset=UTF-8' };

const size = (key: string, body: Uint8Array<ArrayBuffer>) => 2 * key.length + body.byteLength;

function storeOf(c: Ctx): PageStore {
  const deps = c.get('deps');
  let store = stores.get(deps);
  if (!store) stores.set(deps, (store = { pages: new Map(), bytes: 0 }));
  return store;
}

function remember(store: PageStore, key: string, body: Uint8Array<ArrayBuffer>): void {
  if (size(key, body) > MAX_BYTES / 8) return;
  store.bytes += size(key, body);
  store.pages.set(key, body);
  for (const [oldKey, oldBody] of store.pages) {
    if (store.bytes <= MAX_BYTES) break;
    store.pages.delete(oldKey);
    store.bytes -= size(oldKey, oldBody);
  }
}

/**
 * Sends a full HTML document rendered once per `key`. The key must name every input of the page:
 * the layout's (layoutKey) and the content's (an ETag from pageTag, or the props themselves). The
 * page is kept as UTF-8 bytes: sent as they are, with no re-encoding or length count per request.
 */
export async function renderCachedPage(c: Ctx, key: string, page: () => unknown) {
  const store = storeOf(c);
  let body = store.pages.get(key);
  if (body === undefined) {
    body = UTF8.encode(String(await html`<!doctype html>${page()}`));
    remember(store, key, body);
  }
  return c.body(body, 200, HTML);
}
