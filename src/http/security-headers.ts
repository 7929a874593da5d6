import { Hono, type MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';

type SecureHeadersOptions = NonNullable<Parameters<typeof secureHeaders>[0]>;

/**
 * hono's secureHeaders, with its headers added before the handler runs instead of after. Setting
 * them on a finished response made @hono/node-server build a full WHATWG Response for every page;
 * prepared headers go straight to Node. The set is exactly what secureHeaders sends for these
 * options: taken once from a throwaway app running it. No route sets any of these headers itself.
 */
export function presetSecureHeaders(options: SecureHeadersOptions): MiddlewareHandler {
  const probe = new Hono().use(secureHeaders(options)).get('/', (c) => c.body(null));
  let headers: [string, string][] | undefined;
  return async (c, next) => {
    headers ??= await headersOf(probe);
    for (const [name, value] of headers) c.header(name, value);
    await next();
  };
}

async function headersOf(probe: Hono): Promise<[string, string][]> {
  const list: [string, string][] = [];
  (await probe.request('/')).headers.forEach((value, name) => list.push([name, value]));
  return list;
}
