import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { httpRequest } from './net.ts';

const ROOT = join(import.meta.dirname, '../..');

export interface CaddyProcess {
  child: ChildProcess;
  origin: string;
  log: () => string;
  stop: () => Promise<void>;
}

/**
 * Debian's caddy with the project's Caddyfile and `tls internal`, state kept under `dir`. No
 * CADDY_BIND: the Caddyfile's default (one dual-stack listener) is what runs. Waits for `readyPath`.
 */
export async function startCaddy(dir: string, env: { httpsPort: number; httpPort: number; upstream: string; extra?: Record<string, string> }, readyPath = '/healthz'): Promise<CaddyProcess> {
  const origin = `https://localhost:${env.httpsPort}`;
  const child = spawn('caddy', ['run', '--config', join(ROOT, 'Caddyfile'), '--adapter', 'caddyfile'], {
    env: {
      PATH: process.env.PATH ?? '',
      HOME: dir,
      XDG_DATA_HOME: join(dir, 'caddy-data'),
      XDG_CONFIG_HOME: join(dir, 'caddy-config'),
      SITE_ADDRESS: `localhost:${env.httpsPort}`,
      HTTP_PORT: String(env.httpPort),
      UPSTREAM: env.upstream,
      CADDY_TLS: 'tls internal',
      CADDY_ERROR_PAGES: join(ROOT, 'caddy'),
      ...env.extra,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout!.on('data', (d) => (log += String(d)));
  child.stderr!.on('data', (d) => (log += String(d)));
  const exited = new Promise<void>((r) => child.on('exit', () => r()));
  const stop = async () => {
    child.kill('SIGTERM');
    await exited;
  };
  for (let i = 0; i < 100 && child.exitCode === null; i++) {
    const up = await httpRequest(`${origin}${readyPath}`).then((r) => r.status < 500 || r.body.includes('Back in a moment'), () => false);
    if (up) return { child, origin, log: () => log, stop };
    await new Promise((r) => setTimeout(r, 200));
  }
  await stop();
  throw new Error(`caddy did not come up:\n${log}`);
}
