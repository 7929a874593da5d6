import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, hasCommand, httpsRequest } from './helpers/net.ts';
import { SAMPLE_MEMO } from './helpers/outputs.ts';
import { startServer, type ServerProcess } from './helpers/server-process.ts';

// Debian's caddy in front of the app on loopback with `tls internal`. CI installs caddy; a developer
// machine without it skips this file (and says so).
const available = await hasCommand('caddy');
if (process.env.CI && !available) throw new Error('caddy is required in CI (apt-get install -y caddy)');

describe.skipIf(!available)('Caddy in front of the app', () => {
  let dir: string;
  let app: ServerProcess;
  let caddy: ChildProcess;
  let caddyLog = '';
  let origin: string;
  let httpPort: number;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'memoai-caddy-'));
    const httpsPort = await freePort();
    httpPort = await freePort();
    origin = `https://localhost:${httpsPort}`;
    app = await startServer({ DATA_DIR: join(dir, 'data'), PUBLIC_ORIGIN: origin, ADMIN_PASSWORD: 'caddy-test-admin-pw' });
    const upstream = new URL(app.url).host;
    caddy = spawn('caddy', ['run', '--config', join(import.meta.dirname, '../Caddyfile'), '--adapter', 'caddyfile'], {
      env: {
        PATH: process.env.PATH ?? '',
        HOME: dir,
        XDG_DATA_HOME: join(dir, 'caddy-data'),
        XDG_CONFIG_HOME: join(dir, 'caddy-config'),
        SITE_ADDRESS: `localhost:${httpsPort}`,
        HTTP_PORT: String(httpPort),
        UPSTREAM: upstream,
        CADDY_TLS: 'tls internal',
        CADDY_BIND: '127.0.0.1',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    caddy.stdout!.on('data', (d) => (caddyLog += String(d)));
    caddy.stderr!.on('data', (d) => (caddyLog += String(d)));
    for (let i = 0; i < 100; i++) {
      const ok = await httpsRequest(`${origin}/healthz`).then((r) => r.status === 200, () => false);
      if (ok) return;
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error(`caddy did not come up:\n${caddyLog}`);
  }, 60_000);

  afterAll(async () => {
    caddy?.kill('SIGTERM');
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
    const res = await httpsRequest(`${origin}/`);
    expect(res.status).toBe(200);
    expect(res.body).toContain('action="/submissions"');
    for (const h of ['content-security-policy', 'strict-transport-security', 'x-content-type-options', 'x-frame-options', 'referrer-policy', 'x-request-id']) {
      expect(res.headers.get(h), h).toHaveLength(1);
    }
    expect(res.headers.get('server')).toBeUndefined();
  });

  it('compresses responses', async () => {
    const res = await httpsRequest(`${origin}/rubric`, { headers: { 'accept-encoding': 'gzip' } });
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
    const ok = await httpsRequest(`${origin}/submissions`, { method: 'POST', headers, body });
    expect(ok.status).toBe(303);
    expect(ok.headers.get('location')?.[0]).toMatch(/^\/evaluations\/\d+$/);
    const foreign = await httpsRequest(`${origin}/submissions`, { method: 'POST', headers: { ...headers, origin: 'https://evil.example' }, body });
    expect(foreign.status).toBe(403);
  });

  it('answers /healthz through the proxy', async () => {
    const res = await httpsRequest(`${origin}/healthz`);
    expect(res.status).toBe(200);
    expect(res.body).toBe('ok');
  });

  it('writes JSON access logs', () => {
    const line = caddyLog.split('\n').find((l) => l.includes('"logger":"http.log.access'));
    expect(line).toBeDefined();
    expect(() => JSON.parse(line!)).not.toThrow();
  });
});
