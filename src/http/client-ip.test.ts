import { describe, expect, it } from 'vitest';
import { addressKey, normalizeIp, resolveClientIp } from './client-ip.ts';
import { FixedWindowLimiter } from './limiters.ts';
import { isProxyList, trustedProxyMatcher } from './trusted-proxies.ts';

const proxies = trustedProxyMatcher(['10.0.0.0/8', '::1']);

describe('resolveClientIp', () => {
  it('is the peer when the peer is not a trusted proxy, whatever the header says', () => {
    expect(resolveClientIp('203.0.113.5', '10.0.0.9', proxies)).toBe('203.0.113.5');
    expect(resolveClientIp('::ffff:203.0.113.5', undefined, proxies)).toBe('203.0.113.5');
  });

  it('walks the header from the right past trusted hops', () => {
    expect(resolveClientIp('10.0.0.2', '1.1.1.1, 198.51.100.3, 10.0.0.7', proxies)).toBe('198.51.100.3');
    expect(resolveClientIp('::1', ' 2001:db8::5 ', proxies)).toBe('2001:db8::5');
  });

  it('stops at an invalid hop and keeps the last address it got to', () => {
    expect(resolveClientIp('10.0.0.2', '198.51.100.3, garbage', proxies)).toBe('10.0.0.2');
    expect(resolveClientIp('10.0.0.2', '198.51.100.3:8080, 10.0.0.5', proxies)).toBe('10.0.0.5');
    expect(resolveClientIp(undefined, '198.51.100.3', proxies)).toBeUndefined();
  });

  it('normalizes addresses and rejects anything else', () => {
    expect(normalizeIp('FE80::1%eth0')).toBe('fe80::1');
    expect(normalizeIp('::ffff:10.1.2.3')).toBe('10.1.2.3');
    expect(normalizeIp('1.2.3')).toBeUndefined();
    expect(normalizeIp('x'.repeat(16_000))).toBeUndefined();
  });
});

describe('addressKey', () => {
  it('keeps IPv4 and groups IPv6 by /64', () => {
    expect(addressKey('198.51.100.3')).toBe('198.51.100.3');
    expect(addressKey('2001:db8:0:1::5')).toBe('2001:db8:0:1::/64');
    expect(addressKey('2001:0db8:0000:0001:ffff:1:2:3')).toBe('2001:db8:0:1::/64');
    expect(addressKey('::1')).toBe('0:0:0:0::/64');
    expect(addressKey('2001:db8::')).toBe('2001:db8:0:0::/64');
  });
});

describe('TRUSTED_PROXIES entries', () => {
  it('accepts addresses and CIDR ranges only', () => {
    expect(isProxyList('')).toBe(true);
    expect(isProxyList('172.18.0.2, 172.18.0.0/16,fd00::/8')).toBe(true);
    for (const bad of ['caddy', '10.0.0.0/33', '10.0.0.0/8/1', '::/129', '10.0.0.0/x']) expect(isProxyList(bad), bad).toBe(false);
  });
});

describe('FixedWindowLimiter', () => {
  it('forgets the least recently used key past its bound', () => {
    const limiter = new FixedWindowLimiter(() => 1, 60_000, () => 0, 3);
    for (const k of ['a', 'b', 'c']) limiter.hit(k);
    expect(limiter.hit('a').ok).toBe(false); // a is now the most recent
    limiter.hit('d'); // evicts b
    expect(limiter.size).toBe(3);
    expect(limiter.hit('a').ok).toBe(false);
    expect(limiter.hit('b').ok).toBe(true);
  });
});
