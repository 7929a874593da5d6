import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCaddy, type CaddyProcess } from './helpers/caddy.ts';
import { freePort, hasCommand, httpRequest } from './helpers/net.ts';
import { SAMPLE_MEMO } from './helpers/outputs.ts';
import { startServer, type ServerProcess } from './helpers/server-process.ts';

// Debian's caddy in front of the app on loopback with `tls internal`. CI installs caddy; a developer
// machine without it skips this file (and says so).
const available = await hasCommand('caddy');
if (process.env.CI && !available) throw new Error('caddy is required in CI (apt-get install -y caddy)');

describe.skipIf(!available)('Caddy in front of the app', () => {
  let dir: string;
  let app: ServerProcess;
  let caddy: CaddyProcess;
  let origin: string;
  let httpPort: number;
  let appEnv: Record<string, string>;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'memoai-caddy-'));
    const httpsPort = await freePort();
    httpPort = await freePort();
    origin = `https://localhost:${httpsPort}`;
    // A fixed port, so the restart test can start a second server where Caddy expects it.
    appEnv = { DATA_DIR: join(dir, 'data'), PUBLIC_ORIGIN: origin, ADMIN_PASSWORD: 'caddy-test-admin-pw', PORT: String(await freePort()) };
    app = await startServer(appEnv);
    caddy = await startCaddy(dir, { httpsPort, httpPort, upstream: new URL(app.url).host });
  }, 60_000);

  afterAll(async () => {
    await caddy?.stop();
    app?.child.kill('SIGTERM');
    await app?.exited;
    rmSync(dir, { recursive: true, force: true });
  });

  it('validates the Caddyfile', async () => {
    const code = await new Promise<number | null>((resolve) => {
      const p = spawn('caddy', ['validate', '--config', join(import.meta.dirname, '../Caddyfile'), '--adapter', 'caddyfile'], { stdio: 'ignore', env: { PATH: process.env.PATH ?? '', HOME: dir } });
      p.on('exit', resolve);
    });
    expect(code).toBe(0);
  });

  it('serves the app over HTTPS with each security header exactly once', async () => {
    const res = await httpRequest(`${origin}/`);
    expect(res.status).toBe(200);
    expect(res.body).toContain('action="/submissions"');
    for (const h of ['content-security-policy', 'strict-transport-security', 'x-content-type-options', 'x-frame-options', 'referrer-policy', 'x-request-id']) {
      expect(res.headers.get(h), h).toHaveLength(1);
    }
    expect(res.headers.get('server')).toBeUndefined();
  });

  it('compresses responses', async () => {
    const res = await httpRequest(`${origin}/rubric`, { headers: { 'accept-encoding': 'gzip' } });
    expect(res.headers.get('content-encoding')).toEqual(['gzip']);
  });

  it('redirects plain HTTP to HTTPS', async () => {
    const res = await new Promise<{ status: number; location: string | undefined }>((resolve, reject) => {
      request(`http://127.0.0.1:${httpPort}/rubric`, { headers: { host: 'localhost' } }, (r) => {
        r.resume();
        resolve({ status: r.statusCode ?? 0, location: r.headers.location });
      })
        .on('error', reject)
        .end();
    });
    expect([301, 308]).toContain(res.status);
    expect(res.location).toBe(`${origin}/rubric`);
  });

  it('passes a same-origin form POST through CSRF and refuses a foreign one', async () => {
    const body = new URLSearchParams({ text: SAMPLE_MEMO }).toString();
    const headers = { 'content-type': 'application/x-www-form-urlencoded', origin };
    const ok = await httpRequest(`${origin}/submissions`, { method: 'POST', headers, body });
    expect(ok.status).toBe(303);
    expect(ok.headers.get('location')?.[0]).toMatch(/^\/evaluations\/\d+$/);
    const foreign = await httpRequest(`${origin}/submissions`, { method: 'POST', headers: { ...headers, origin: 'https://evil.example' }, body });
    expect(foreign.status).toBe(403);
  });

  it('answers /healthz through the proxy', async () => {
    const res = await httpRequest(`${origin}/healthz`);
    expect(res.status).toBe(200);
    expect(res.body).toBe('ok');
  });

  it('writes JSON access logs', () => {
    const line = caddy.log().split('\n').find((l) => l.includes('"logger":"http.log.access'));
    expect(line).toBeDefined();
    expect(() => JSON.parse(line!)).not.toThrow();
  });
  it('answers a 200 KiB post with the 413 page, every time', async () => {
    const body = new URLSearchParams({ text: 'x'.repeat(200 * 1024) }).toString();
    for (let i = 0; i < 10; i++) {
      const res = await httpRequest(`${origin}/submissions`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', origin }, body });
      expect(res.status).toBe(413);
      expect(res.body).toContain('<h1>Too much text</h1>');
    }
  });

  it('keeps /metrics closed unless the request carries a bearer token', async () => {
    const none = await httpRequest(`${origin}/metrics`);
    expect(none.status).toBe(404);
    expect(none.body).not.toContain('memoai_');
    const bearer = await httpRequest(`${origin}/metrics`, { headers: { authorization: 'Bearer anything' } });
    expect(bearer.body).toContain('memoai_http_requests_total'); // no METRICS_TOKEN outside production: the app lets it through
  });

  it('restarts the app with no 5xx for a client polling GET / through Caddy', async () => {
    const statuses: number[] = [];
    let polling = true;
    const poller = (async () => {
      for (let i = 0; i < 2000 && polling; i++) statuses.push((await httpRequest(`${origin}/`).catch(() => ({ status: 0 }))).status);
    })();
    await new Promise((r) => setTimeout(r, 300));
    app.child.kill('SIGTERM');
    expect((await app.exited).code).toBe(0);
    app = await startServer(appEnv);
    await new Promise((r) => setTimeout(r, 500));
    polling = false;
    await poller;
    const bad = statuses.filter((s) => s !== 200);
    expect(statuses.length).toBeGreaterThan(5);
    expect(bad, `non-200 answers among ${statuses.length}`).toEqual([]);
  }, 60_000);

  it('shows the styled 502 page when the app stays down', async () => {
    const other = await startCaddy(join(dir, 'down'), { httpsPort: await freePort(), httpPort: await freePort(), upstream: `127.0.0.1:${await freePort()}`, extra: { CADDY_TRY_DURATION: '500ms' } }, '/');
    try {
      const res = await httpRequest(`${other.origin}/`);
      expect(res.status).toBe(502);
      expect(res.body).toContain('<h1>Back in a moment</h1>');
      expect(res.body).toContain('class="brand"');
    } finally {
      await other.stop();
    }
  }, 30_000);
});
