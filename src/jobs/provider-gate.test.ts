import { describe, expect, it } from 'vitest';
import { ProviderGate } from './provider-gate.ts';

function gate(start = 1_000_000) {
  let now = start;
  const pauses: number[] = [];
  const g = new ProviderGate(() => now, () => ({ initial_seconds: 2, max_seconds: 16 }), (u) => pauses.push(u));
  return { g, pauses, at: (t: number) => (now = t), now: () => now };
}

describe('ProviderGate', () => {
  it('honours retry-after and reports the pause in health until it ends', () => {
    const { g, at } = gate();
    expect(g.providerBusy('rate_limited', 3000, 1_000_000)).toBe(1_003_000);
    expect(g.pausedUntil).toBe(1_003_000);
    expect(g.health()).toMatchObject({ ok: false });
    expect(g.health().detail).toContain('pool paused until');
    at(1_003_001);
    expect(g.pausedUntil).toBe(0);
    // With retry-after the provider said when: nothing for an operator to see once the pause is over.
    expect(g.health()).toEqual({ ok: true, detail: '' });
  });

  it('backs off exponentially without retry-after, capped, and stays degraded until a call succeeds', () => {
    const { g, at, now } = gate();
    const delays: number[] = [];
    for (let i = 0; i < 6; i++) {
      const t = now();
      delays.push(g.providerBusy('rate_limited', undefined, t) - t);
      at(g.pausedUntil + 1);
    }
    // 2, 4, 8, 16, 16, 16 s, each with up to 25 % jitter off.
    const bases = [2, 4, 8, 16, 16, 16];
    delays.forEach((d, i) => {
      expect(d).toBeLessThanOrEqual(bases[i]! * 1000);
      expect(d).toBeGreaterThanOrEqual(bases[i]! * 750);
    });
    expect(g.health().detail).toContain('degraded');
    g.succeeded();
    expect(g.health().ok).toBe(true);
  });

  it('does not escalate for attempts sent before the current pause began (one storm, one step)', () => {
    const { g } = gate();
    const first = g.providerBusy('rate_limited', undefined, 1_000_000);
    // Three more 429s for requests that were already in flight when the pause started.
    for (let i = 0; i < 3; i++) g.providerBusy('rate_limited', undefined, 999_999);
    expect(g.pausedUntil).toBeLessThanOrEqual(Math.max(first, 1_000_000 + 2000));
    expect(g.pausesTotal).toBe(1);
    expect(g.windows).toHaveLength(1);
  });

  it('says failed-auth at once on a 401 and degraded after three 400s in a row', () => {
    const { g, at } = gate();
    g.providerBusy('auth', undefined, 1_000_000);
    expect(g.health().detail).toContain('failed-auth');
    at(g.pausedUntil + 1);
    g.succeeded();
    g.badRequest();
    g.badRequest();
    expect(g.health().ok).toBe(true);
    g.badRequest();
    expect(g.health().detail).toContain('3 requests in a row rejected');
  });

  it('wait() resolves when the pause ends, or at once on abort', async () => {
    let now = Date.now();
    const g = new ProviderGate(() => (now = Date.now()), () => ({ initial_seconds: 1, max_seconds: 1 }));
    g.providerBusy('overloaded', 120, now);
    const t0 = Date.now();
    await g.wait(new AbortController().signal);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(100);
    g.providerBusy('overloaded', 60_000, Date.now());
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 20);
    const t1 = Date.now();
    await g.wait(ac.signal);
    expect(Date.now() - t1).toBeLessThan(1000);
  });
});
