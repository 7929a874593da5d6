import { BlockList, isIP } from 'node:net';

// TRUSTED_PROXIES: the only peers whose X-Forwarded-For is believed (see docs/decisions/009).

/** One entry: an address or a CIDR range, e.g. `172.18.0.2`, `172.18.0.0/16`, `fd00::/8`. */
function parseEntry(entry: string): { address: string; prefix: number | undefined; family: 4 | 6 } | undefined {
  const [address = '', prefixText, extra] = entry.split('/');
  const version = isIP(address);
  if (version === 0 || extra !== undefined) return undefined;
  const family = version === 4 ? 4 : 6;
  if (prefixText === undefined) return { address, prefix: undefined, family };
  const prefix = /^\d{1,3}$/.test(prefixText) ? Number(prefixText) : -1;
  if (prefix < 0 || prefix > (family === 4 ? 32 : 128)) return undefined;
  return { address, prefix, family };
}

function entries(list: string): string[] {
  return list.split(',').map((e) => e.trim()).filter(Boolean);
}

/** True when every comma-separated entry is an address or a CIDR range (an empty list is valid). */
export function isProxyList(list: string): boolean {
  return entries(list).every((e) => parseEntry(e) !== undefined);
}

/** The entries of a list already checked with isProxyList. */
export function parseProxyList(list: string): string[] {
  return entries(list);
}

const lists = new WeakMap<readonly string[], BlockList>();

/** A matcher for the entries, built once per Env. */
export function trustedProxyMatcher(proxies: readonly string[]): BlockList {
  let list = lists.get(proxies);
  if (list) return list;
  list = new BlockList();
  for (const e of proxies) {
    const p = parseEntry(e);
    if (!p) continue;
    const type = p.family === 4 ? 'ipv4' : 'ipv6';
    if (p.prefix === undefined) list.addAddress(p.address, type);
    else list.addSubnet(p.address, p.prefix, type);
  }
  lists.set(proxies, list);
  return list;
}
