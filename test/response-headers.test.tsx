import { serve, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createAccount, makeTestApp, ORIGIN, waitForEvaluation, type TestApp } from './helpers/app.ts';
import { httpRequest, type RawRequest } from './helpers/net.ts';
import { SAMPLE_MEMO } from './helpers/outputs.ts';

// The headers every answer carries (security headers, request id, language) are set on Node's own
// response under the real server, and through hono under app.request() (decision 015). These tests
// run the app behind @hono/node-server, as src/server.ts does, and compare what reaches the client.

let t: TestApp;
let server: ServerType | undefined;
afterEach(async () => {
  await new Promise<void>((done) => (server ? server.close(() => done()) : done()));
  server = undefined;
  await t.close();
});

/** The app behind a real HTTP server on 127.0.0.1; its base URL. */
async function listen(): Promise<string> {
  const ready = new Promise<AddressInfo>((resolve) => {
    server = serve({ fetch: t.app.fetch, port: 0, hostname: '127.0.0.1' }, resolve);
  });
  return `http://127.0.0.1:${(await ready).port}`;
}

/** A request to the real server as a browser at ORIGIN sends it (Host included), answered the Response way. */
async function send(base: string, path: string, init: RawRequest = {}): Promise<Response> {
  const res = await httpRequest(`${base}${path}`, { ...init, headers: { host: new URL(ORIGIN).host, ...init.headers } });
  const headers = new Headers();
  for (const [name, values] of res.headers) for (const v of values) headers.append(name, v);
  return new Response([204, 304].includes(res.status) ? null : res.body, { status: res.status, headers });
}

/** Every header but those that differ by nature between two answers (request id, date, connection). */
function comparable(res: Response): Record<string, string> {
  const out: Record<string, string> = {};
  res.headers.forEach((value, name) => {
    if (!['x-request-id', 'date', 'connection', 'keep-alive', 'content-length', 'transfer-encoding', 'set-cookie'].includes(name)) out[name] = value;
  });
  return out;
}

const SECURITY = ['content-security-policy', 'strict-transport-security', 'x-frame-options', 'x-content-type-options', 'referrer-policy', 'cross-origin-opener-policy'];

describe('headers over a real HTTP server', () => {
  it('are the ones app.request() sees, on pages, cached pages, HEAD, redirects, 304s, 404s, 422s and assets', async () => {
    t = makeTestApp();
    const base = await listen();
    const post = (body: string) => ({ method: 'POST', body, headers: { origin: ORIGIN, 'content-type': 'application/x-www-form-urlencoded' } });
    const created = await send(base, '/submissions', post(new URLSearchParams({ text: SAMPLE_MEMO }).toString()));
    expect(created.status).toBe(303);
    const cookie = created.headers.get('set-cookie')!.split(';')[0]!;
    const path = created.headers.get('location')!;
    await waitForEvaluation(t, Number(path.split('/').pop()));
    const etag = (await send(base, path, { headers: { cookie } })).headers.get('etag')!;
    const asset = (await (await send(base, '/')).text()).match(/\/static\/[^"]+\.css/)![0];
    // An account that must change its temporary password first: every other page answers 303 or 403.
    await createAccount(t, { username: 'temp-pass', password: 'temporary-password-1', role: 'student', mustChangePassword: true });
    const temp = t.client();
    expect((await temp.post('/login', { username: 'temp-pass', password: 'temporary-password-1' })).status).toBe(303);
    const tempCookie = [...temp.cookies].map(([k, v]) => `${k}=${v}`).join('; ');

    const cases: [string, Parameters<typeof send>[2]][] = [
      ['/', {}],
      ['/', { method: 'HEAD' }],
      ['/', { headers: { 'accept-language': 'es' } }],
      ['/', { headers: { cookie: tempCookie } }],
      ['/submissions', { ...post('text=x'), headers: { ...post('').headers, cookie: tempCookie } }],
      [path, { headers: { cookie } }],
      [path, { headers: { cookie, 'if-none-match': etag } }],
      ['/no-such-page', {}],
      ['/admin', {}],
      [asset, {}],
      ['/submissions', post('text=')],
    ];
    for (const [p, init] of cases) {
      const real = await send(base, p, init);
      const viaHono = await t.app.request(`${ORIGIN}${p}`, init);
      expect({ p, status: real.status }).toEqual({ p, status: viaHono.status });
      if (init?.headers?.cookie === tempCookie) expect(real.status).toBe(init.method === 'POST' ? 403 : 303);
      expect(comparable(real)).toEqual(comparable(viaHono));
      for (const name of SECURITY) expect(real.headers.get(name), `${name} on ${p}`).toBeTruthy();
      expect(real.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    }
  });

  it('give each request its own id, and let a route set its own value of a header every answer carries', async () => {
    t = makeTestApp();
    t.app.get('/own-frame-policy', (c) => {
      c.header('X-Frame-Options', 'SAMEORIGIN');
      return c.text('framed by its own origin');
    });
    const base = await listen();
    const [a, b] = [await send(base, '/'), await send(base, '/')];
    expect(a.headers.get('x-request-id')).not.toBe(b.headers.get('x-request-id'));
    const own = await send(base, '/own-frame-policy');
    expect(own.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(own.headers.get('content-security-policy')).toContain("default-src 'self'");
  });

  it('stay on a 500 when a route throws', async () => {
    t = makeTestApp();
    t.app.get('/throws', () => {
      throw new Error('boom');
    });
    const base = await listen();
    const res = await send(base, '/throws');
    expect(res.status).toBe(500);
    for (const name of SECURITY) expect(res.headers.get(name), name).toBeTruthy();
    expect(await res.text()).not.toContain('boom');
  });
});
