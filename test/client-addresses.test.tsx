import { afterEach, describe, expect, it } from 'vitest';
import type { FileConfig } from '../src/config/load.ts';
import { makeTestApp, type TestApp } from './helpers/app.ts';

// Client addresses decide rate limits and login throttling: a client must not be able to choose its own.

let t: TestApp;
const clock = Date.parse('2026-11-22T09:00:00Z');
afterEach(async () => {
  await t.close();
});

function app(env: Record<string, string> = {}, limit = 3) {
  const files = (f: FileConfig) => ({ ...f, auth: { ...f.auth, rate_limits: { ...f.auth.rate_limits, requests_per_ip_per_hour: limit } } });
  t = makeTestApp({ now: () => clock, env, files });
}

describe('X-Forwarded-For', () => {
  it('is ignored from a direct client: a forged header changes nothing (TRUSTED_PROXIES unset)', async () => {
    app();
    const direct = t.client({ peer: '127.0.0.1' });
    for (let i = 0; i < 3; i++) expect((await direct.get('/rubric', { 'x-forwarded-for': `203.0.113.${i}` })).status).toBe(200);
    const over = await direct.get('/rubric', { 'x-forwarded-for': '203.0.113.99' });
    expect(over.status).toBe(429);
    expect(await over.text()).toContain('Too many requests');
  });

  it('is ignored from a private-network peer that is not listed', async () => {
    app({ TRUSTED_PROXIES: '172.18.0.2' });
    const neighbour = t.client({ peer: '172.18.0.3' });
    for (let i = 0; i < 3; i++) expect((await neighbour.get('/rubric', { 'x-forwarded-for': `198.51.100.${i}` })).status).toBe(200);
    expect((await neighbour.get('/rubric', { 'x-forwarded-for': '198.51.100.50' })).status).toBe(429);
  });

  it('from a trusted proxy names the client: the rightmost untrusted hop, not what the client prepended', async () => {
    app({ TRUSTED_PROXIES: '172.18.0.0/16' });
    const caddy = t.client({ peer: '172.18.0.2' });
    // The client forged 203.0.113.1; Caddy appended the real address 198.51.100.7.
    for (let i = 0; i < 3; i++) expect((await caddy.get('/rubric', { 'x-forwarded-for': `203.0.113.${i}, 198.51.100.7` })).status).toBe(200);
    expect((await caddy.get('/rubric', { 'x-forwarded-for': '203.0.113.77, 198.51.100.7' })).status).toBe(429);
    expect((await caddy.get('/rubric', { 'x-forwarded-for': '198.51.100.8' })).status).toBe(200);
  });

  it('stops at a hop that is not an address and counts the last address it trusts', async () => {
    app({ TRUSTED_PROXIES: '172.18.0.2' });
    const caddy = t.client({ peer: '172.18.0.2' });
    for (let i = 0; i < 3; i++) expect((await caddy.get('/rubric', { 'x-forwarded-for': `${'x'.repeat(2000)}${i}` })).status).toBe(200);
    expect((await caddy.get('/rubric', { 'x-forwarded-for': 'not-an-ip' })).status).toBe(429);
  });

  it('groups IPv6 clients by /64', async () => {
    app({}, 2);
    expect((await t.client({ peer: '2001:db8:1:2::1' }).get('/rubric')).status).toBe(200);
    expect((await t.client({ peer: '2001:db8:1:2:ffff::9' }).get('/rubric')).status).toBe(200);
    expect((await t.client({ peer: '2001:db8:1:2:aaaa:bbbb:cccc:dddd' }).get('/rubric')).status).toBe(429);
    expect((await t.client({ peer: '2001:db8:1:3::1' }).get('/rubric')).status).toBe(200);
  });
});

describe('TRUSTED_PROXIES', () => {
  it('refuses to start with an entry that is not an address or a range', () => {
    expect(() => makeTestApp({ env: { TRUSTED_PROXIES: '172.18.0.0/16, caddy' } })).toThrow(/TRUSTED_PROXIES: must be IP addresses or CIDR ranges/);
    expect(() => makeTestApp({ env: { TRUSTED_PROXIES: '10.0.0.0/33' } })).toThrow(/TRUSTED_PROXIES/);
  });
});
