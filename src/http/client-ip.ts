import { getConnInfo } from '@hono/node-server/conninfo';
import type { Ctx } from './context.ts';

/** Peers we trust to tell us the client address: loopback and private networks (Caddy, Docker). */
function isTrustedProxy(addr: string): boolean {
  const a = addr.replace(/^::ffff:/, '');
  return a === '::1' || /^127\./.test(a) || /^10\./.test(a) || /^192\.168\./.test(a) || /^172\.(1[6-9]|2\d|3[01])\./.test(a) || /^f[cd][0-9a-f]{2}:/i.test(a);
}

/** The client's IP: the socket peer, or the proxy's X-Forwarded-For when the peer is a trusted proxy. */
export function clientIp(c: Ctx): string {
  let peer: string | undefined;
  try {
    peer = getConnInfo(c).remote.address;
  } catch {
    peer = undefined; // app.request() in tests has no socket
  }
  const forwarded = c.req.header('x-forwarded-for');
  if (forwarded && (!peer || isTrustedProxy(peer))) {
    const hops = forwarded.split(',').map((h) => h.trim()).filter(Boolean);
    const last = hops[hops.length - 1];
    if (last) return last.replace(/^::ffff:/, '');
  }
  return peer?.replace(/^::ffff:/, '') ?? 'unknown';
}
