import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PEOPLE, createAccount, makeTestApp, signedIn, type TestApp } from './helpers/app.ts';
import { count } from './helpers/db.ts';

let t: TestApp;
let clock = Date.parse('2026-11-22T09:00:00Z');
beforeEach(() => {
  clock = Date.parse('2026-11-22T09:00:00Z');
  t = makeTestApp({ now: () => clock });
});
afterEach(async () => {
  await t.close();
});

const bo = PEOPLE['bo-admin'];

describe('login and logout', () => {
  it('signs an admin in with a Lucia-style session and out again', async () => {
    await createAccount(t, bo);
    const c = t.client();
    const res = await c.post('/login', { username: 'BO-ADMIN', password: bo.password });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/admin');
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^memo_session=[a-z2-9]{24}\.[a-z2-9]{24};/);
    expect((await c.get('/admin')).status).toBe(200);
    const out = await c.post('/logout');
    expect(out.status).toBe(303);
    expect(count(t.db, 'sessions')).toBe(0);
    expect((await c.get('/admin')).status).toBe(303);
  });

  it('gives the same answer for an unknown user and a wrong password', async () => {
    await createAccount(t, bo);
    const unknown = await t.client().post('/login', { username: 'nobody', password: 'whatever-password' });
    const wrong = await t.client().post('/login', { username: bo.username, password: 'wrong-password-1' });
    expect(unknown.status).toBe(401);
    expect(wrong.status).toBe(401);
    const strip = (html: string) => html.replace(/value="[^"]*"/g, '').replace(/x-request-id.*/g, '');
    expect(strip(await unknown.text())).toBe(strip(await wrong.text()));
  });

  it('answers 422 with the username kept when a field is empty', async () => {
    const res = await t.client().post('/login', { username: 'ana', password: '' });
    expect(res.status).toBe(422);
    expect(await res.text()).toContain('value="ana"');
  });

  it('follows ?next to local paths and answers 400 for anything else', async () => {
    await createAccount(t, bo);
    for (const [next, expected] of [['/admin/users', '/admin/users'], ['', '/admin']] as Array<[string, string]>) {
      const res = await t.client().post('/login', { username: bo.username, password: bo.password, next });
      expect(res.headers.get('location'), next).toBe(expected);
    }
    for (const next of ['//evil.example/x', 'https://evil.example', '/\\evil.example', '/\x01', '/a b', '/é', `/${'a'.repeat(2000)}`]) {
      const res = await t.client().post('/login', { username: bo.username, password: bo.password, next });
      expect(res.status, next).toBe(400);
      expect(await res.text()).toContain('Bad request');
      expect((await t.client().get(`/login?next=${encodeURIComponent(next)}`)).status, next).toBe(400);
    }
  });

  it('slows down one username from one address with doubling waits, and counts again after the wait', async () => {
    await createAccount(t, bo);
    const c = t.client({ peer: '127.0.0.2' });
    for (let i = 0; i < 5; i++) expect((await c.post('/login', { username: bo.username, password: `wrong-${i}-password` })).status).toBe(401);
    const sixth = await c.post('/login', { username: bo.username, password: bo.password });
    expect(sixth.status).toBe(429);
    expect(await sixth.text()).toContain('Too many failed sign-ins for this username from your address');
    expect(sixth.headers.get('retry-after')).toBe('30');
    clock += 30_000;
    expect((await c.post('/login', { username: bo.username, password: 'wrong-again-pass' })).status).toBe(401);
    expect((await c.post('/login', { username: bo.username, password: bo.password })).headers.get('retry-after')).toBe('60');
    clock += 60_000;
    expect((await c.post('/login', { username: bo.username, password: bo.password })).status).toBe(303);
  });

  it('never locks the account: five failures from one address, then the right password from another signs in at once', async () => {
    await createAccount(t, { ...bo, username: 'admin' });
    const attacker = t.client({ peer: '127.0.0.2' });
    for (let i = 0; i < 5; i++) expect((await attacker.post('/login', { username: 'admin', password: `guess-${i}-password` })).status).toBe(401);
    expect((await attacker.post('/login', { username: 'admin', password: bo.password })).status).toBe(429);
    const owner = await t.client({ peer: '127.0.0.3' }).post('/login', { username: 'admin', password: bo.password });
    expect(owner.status).toBe(303);
    expect(owner.headers.get('location')).toBe('/admin');
  });

  it('answers an unknown username exactly like a real one, Retry-After included', async () => {
    await createAccount(t, { ...bo, username: 'admin' });
    const answers = [];
    for (const [username, peer] of [['admin', '192.0.2.10'], ['ghost', '192.0.2.11']] as const) {
      const c = t.client({ peer });
      for (let i = 0; i < 5; i++) expect((await c.post('/login', { username, password: `guess-${i}-password` })).status).toBe(401);
      const res = await c.post('/login', { username, password: 'one-more-guess' });
      answers.push({ status: res.status, retryAfter: res.headers.get('retry-after'), text: (await res.text()).replace(/value="[^"]*"/g, '') });
    }
    expect(answers[0]!.status).toBe(429);
    expect(answers[0]!.retryAfter).toBe('30');
    expect(answers[1]).toEqual(answers[0]);
  });

  it('counts parallel tries before the password is checked, so a burst cannot slip past the wait', async () => {
    await createAccount(t, bo);
    const c = t.client({ peer: '192.0.2.20' });
    const all = await Promise.all(Array.from({ length: 12 }, (_, i) => c.post('/login', { username: bo.username, password: `burst-${i}-password` })));
    expect(all.filter((r) => r.status === 401)).toHaveLength(5);
    expect(all.filter((r) => r.status === 429)).toHaveLength(7);
  });

  it('throttles one address that fails too often across usernames, and only that address', async () => {
    const limit = t.config.current.files.auth.rate_limits.logins_per_ip_per_15_minutes;
    const c = t.client({ peer: '203.0.113.7' });
    for (let i = 0; i < limit; i++) await c.post('/login', { username: `user${i}`, password: 'wrong-password-x' });
    const res = await c.post('/login', { username: 'someone-else', password: 'wrong-password-x' });
    expect(res.status).toBe(429);
    expect(await res.text()).toContain('from your network');
    const forged = await c.post('/login', { username: 'someone-else', password: 'wrong-password-x' }, { headers: { 'x-forwarded-for': '203.0.113.8' } });
    expect(forged.status).toBe(429);
    const other = await t.client({ peer: '203.0.113.8' }).post('/login', { username: 'someone-else', password: 'wrong-password-x' });
    expect(other.status).toBe(401);
  });

  it('refuses a deactivated account and an expired session', async () => {
    const id = await createAccount(t, bo);
    const c = await signedIn(t, 'bo-admin');
    clock += t.config.current.files.auth.sessions.admin_idle_hours * 3600_000 + 1;
    const expired = await c.get('/admin');
    expect(expired.status).toBe(303);
    expect(expired.headers.get('location')).toBe('/login?next=%2Fadmin');
    t.db.$client.prepare('update users set active = 0 where id = ?').run(id);
    expect((await t.client().post('/login', { username: bo.username, password: bo.password })).status).toBe(401);
  });

  it('slides the session expiry forward while it is used', async () => {
    const c = await signedIn(t, 'bo-admin');
    const idle = t.config.current.files.auth.sessions.admin_idle_hours * 3600_000;
    for (let i = 0; i < 4; i++) {
      clock += idle / 2;
      expect((await c.get('/admin')).status).toBe(200);
    }
  });
});

describe('cookie flags in production', () => {
  it('uses __Host-, Secure, HttpOnly, SameSite=Lax and Path=/ when the public origin is HTTPS', async () => {
    await t.close();
    t = makeTestApp({ env: { PUBLIC_ORIGIN: 'https://memo.example.edu', NODE_ENV: 'production' } });
    await createAccount(t, bo);
    const res = await t.app.request('https://memo.example.edu/login', { method: 'POST', body: new URLSearchParams({ username: bo.username, password: bo.password }), headers: { origin: 'https://memo.example.edu' } });
    expect(res.status).toBe(303);
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^__Host-memo_session=/);
    for (const flag of ['Secure', 'HttpOnly', 'SameSite=Lax', 'Path=/']) expect(cookie).toContain(flag);
    expect(cookie).not.toContain('Domain=');
  });
});

describe('password change', () => {
  it('requires a generated password to be changed, then ends every other session', async () => {
    await createAccount(t, { ...bo, mustChangePassword: true });
    const a = t.client();
    const res = await a.post('/login', { username: bo.username, password: bo.password });
    expect(res.headers.get('location')).toBe('/account/password');
    expect((await a.get('/admin')).headers.get('location')).toBe('/account/password');
    const other = t.client();
    await other.post('/login', { username: bo.username, password: bo.password });

    const bad = await a.post('/account/password', { current: bo.password, password: 'short', confirm: 'short' });
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain('at least 12 characters');
    const mismatch = await a.post('/account/password', { current: bo.password, password: 'a-much-longer-pass', confirm: 'different-long-pass' });
    expect(await mismatch.text()).toContain('not the same');
    const wrongCurrent = await a.post('/account/password', { current: 'nope', password: 'a-much-longer-pass', confirm: 'a-much-longer-pass' });
    expect(await wrongCurrent.text()).toContain('not your current password');

    const ok = await a.post('/account/password', { current: bo.password, password: 'a-much-longer-pass', confirm: 'a-much-longer-pass' });
    expect(ok.status).toBe(303);
    expect((await a.get('/admin')).status).toBe(200);
    expect((await other.get('/admin')).status).toBe(303);
    expect(count(t.db, 'sessions')).toBe(1);
  });
});

describe('password change throttle', () => {
  it('throttles wrong current passwords like sign-in, sharing the count with /login', async () => {
    const c = await signedIn(t, 'bo-admin');
    for (let i = 0; i < 5; i++) {
      const res = await c.post('/account/password', { current: `wrong-${i}-current`, password: 'a-much-longer-pass', confirm: 'a-much-longer-pass' });
      expect(res.status).toBe(422);
    }
    const sixth = await c.post('/account/password', { current: bo.password, password: 'a-much-longer-pass', confirm: 'a-much-longer-pass' });
    expect(sixth.status).toBe(429);
    expect(sixth.headers.get('retry-after')).toBe('30');
    expect(await sixth.text()).toContain('Too many failed sign-ins for this username from your address');
    expect((await t.client().post('/login', { username: bo.username, password: bo.password })).status).toBe(429);
    clock += 30_000;
    expect((await c.post('/account/password', { current: bo.password, password: 'a-much-longer-pass', confirm: 'a-much-longer-pass' })).status).toBe(303);
  });
});

describe('first admin', () => {
  it('is created from ADMIN_USERNAME/ADMIN_PASSWORD, or generated with a forced change', async () => {
    const { ensureFirstAdmin } = await import('../src/auth/bootstrap.ts');
    const auth = t.config.current.files.auth;
    const generated = await ensureFirstAdmin(t.db, { ...t.config.env, adminUsername: '', adminPassword: '' }, auth, clock);
    expect(generated).toMatchObject({ created: true, username: 'admin', generatedPassword: expect.stringMatching(/^[a-z2-9]{24}$/) });
    expect(t.db.$client.prepare('select must_change_password as m from users where username = ?').get('admin')).toEqual({ m: 1 });
    // Audited like any account creation, by the start-up itself.
    expect(t.db.$client.prepare("select actor_id as id, actor_name as actor, target, details from audit_log where action = 'user.create'").all()).toEqual([
      { id: null, actor: 'first start', target: 'admin', details: JSON.stringify({ role: 'admin', generatedPassword: true }) },
    ]);
    expect(await ensureFirstAdmin(t.db, t.config.env, auth, clock)).toEqual({ created: false });
    await expect(ensureFirstAdmin(makeTestApp().db, { ...t.config.env, adminUsername: 'x', adminPassword: 'short' }, auth, clock)).rejects.toThrow(/at least 12/);
  });
});
