import { isIP, type BlockList } from 'node:net';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Ctx } from './context.ts';
import { trustedProxyMatcher } from './trusted-proxies.ts';

/** Stands in for the address when there is no socket (app.request() in tests). */
export const NO_ADDRESS = 'unknown';

/** A valid IP address in canonical text (IPv4-mapped IPv6 as plain IPv4, no zone), or undefined. */
export function normalizeIp(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  const a = raw.trim().replace(/%.*$/, '');
  const v4 = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(a)?.[1];
  if (v4 && isIP(v4) === 4) return v4;
  return isIP(a) === 0 ? undefined : a.toLowerCase();
}

function trusted(list: BlockList, ip: string): boolean {
  return list.check(ip, isIP(ip) === 6 ? 'ipv6' : 'ipv4');
}

/**
 * The client address from the socket peer and X-Forwarded-For. The header is believed only when the
 * peer is a trusted proxy; it is then walked from the right (the hop our proxy appended) past other
 * trusted proxies, and the first untrusted address is the client. A hop that is not a valid address
 * ends the walk: everything left of it was written by someone we cannot vouch for.
 */
export function resolveClientIp(peer: string | undefined, forwarded: string | undefined, proxies: BlockList): string | undefined {
  let client = normalizeIp(peer);
  if (!client || !forwarded || !trusted(proxies, client)) return client;
  const hops = forwarded.split(',');
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = normalizeIp(hops[i]);
    if (!hop) break;
    client = hop;
    if (!trusted(proxies, hop)) break;
  }
  return client;
}

/** The client's IP address (see resolveClientIp), or NO_ADDRESS without a socket. */
export function clientIp(c: Ctx): string {
  const forwarded = c.req.header('x-forwarded-for');
  // Without the header the answer is the socket's peer, the same for every request of a keep-alive connection.
  if (!forwarded) return peerIp(c) ?? NO_ADDRESS;
  let peer: string | undefined;
  try {
    peer = getConnInfo(c).remote.address;
  } catch {
    peer = undefined; // app.request() without a socket
  }
  const proxies = trustedProxyMatcher(c.get('deps').config.env.trustedProxies);
  return resolveClientIp(peer, forwarded, proxies) ?? NO_ADDRESS;
}

const peers = new WeakMap<object, string | undefined>();

/** The socket peer's address, normalized once per connection; undefined without a socket (app.request() in tests). */
function peerIp(c: Ctx): string | undefined {
  const socket = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming?.socket;
  if (!socket) return undefined;
  if (!peers.has(socket)) peers.set(socket, normalizeIp(socket.remoteAddress));
  return peers.get(socket);
}

/** The eight groups of an IPv6 address, expanded (`::` filled with zeros). */
function ipv6Groups(ip: string): string[] {
  const [head = '', tail] = ip.split('::');
  const part = (s: string) => (s ? s.split(':') : []);
  // An embedded IPv4 tail (::ffff:1.2.3.4 forms) takes two groups.
  const width = (gs: string[]) => gs.reduce((n, g) => n + (g.includes('.') ? 2 : 1), 0);
  const h = part(head);
  if (tail === undefined) return h;
  const t = part(tail);
  return [...h, ...Array<string>(8 - width(h) - width(t)).fill('0'), ...t];
}

/**
 * The key rate limits and login throttling count under: the IPv4 address, or the /64 an IPv6
 * address belongs to (one subscriber usually holds a whole /64, so per-address keys would be free).
 */
export function addressKey(ip: string): string {
  if (isIP(ip) !== 6) return ip;
  return `${ipv6Groups(ip).slice(0, 4).map((g) => parseInt(g, 16).toString(16)).join(':')}::/64`;
}

/** The limiter key of this request's client. */
export function clientKey(c: Ctx): string {
  return addressKey(clientIp(c));
}
