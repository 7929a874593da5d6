import { Hono } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import type { Ctx } from './context.ts';
import { setRequestHeaders } from './response-headers.ts';

type SecureHeadersOptions = NonNullable<Parameters<typeof secureHeaders>[0]>;

/**
 * hono's secureHeaders, with its headers added before the handler runs instead of after. Setting
 * them on a finished response made @hono/node-server build a full WHATWG Response for every page;
 * set on Node's response (setRequestHeaders), they go straight out. The set is exactly what
 * secureHeaders sends for these options: taken once, when the app is built, from a throwaway app
 * running it. No route sets any of these headers itself. Returns a promise only until that set is known (the first request).
 */
export function presetSecureHeaders(options: SecureHeadersOptions): (c: Ctx) => Promise<void> | undefined {
  const probe = new Hono().use(secureHeaders(options)).get('/', (c) => c.body(null));
  let headers: [string, string][] | undefined;
  const ready = headersOf(probe).then((h) => void (headers = h));
  const apply = (c: Ctx, list: [string, string][]) => setRequestHeaders(c, list);
  return (c) => (headers ? void apply(c, headers) : ready.then(() => apply(c, headers!)));
}

async function headersOf(probe: Hono): Promise<[string, string][]> {
  const list: [string, string][] = [];
  (await probe.request('/')).headers.forEach((value, name) => list.push([name, value]));
  return list;
}
