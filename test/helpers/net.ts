import { request as httpRequestFn } from 'node:http';
import { request as httpsRequestFn } from 'node:https';
import { createServer } from 'node:net';

/** A TCP port free on 127.0.0.1 right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

export interface RawResponse {
  status: number;
  /** Header names (lower-case) with every value, so duplicates can be counted. */
  headers: Map<string, string[]>;
  body: string;
}

export interface RawRequest {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
}

/**
 * An HTTP or HTTPS request (by the URL) with any headers, Host included (fetch refuses to set it);
 * HTTPS accepts a self-signed (tls internal) certificate. Loopback only.
 */
export function httpRequest(url: string, opts: RawRequest = {}): Promise<RawResponse> {
  const request = url.startsWith('https:') ? httpsRequestFn : httpRequestFn;
  return new Promise((resolve, reject) => {
    const req = request(url, { method: opts.method ?? 'GET', headers: opts.headers, rejectUnauthorized: false, timeout: 10_000 }, (res) => {
      const headers = new Map<string, string[]>();
      for (let i = 0; i < res.rawHeaders.length; i += 2) {
        const k = res.rawHeaders[i]!.toLowerCase();
        headers.set(k, [...(headers.get(k) ?? []), res.rawHeaders[i + 1]!]);
      }
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers, body }));
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    req.end(opts.body);
  });
}

/** True when a command is on PATH. */
export async function hasCommand(cmd: string): Promise<boolean> {
  const { execFileSync } = await import('node:child_process');
  try {
    execFileSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
