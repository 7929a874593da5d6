import { describe, expect, it } from 'vitest';
import { useAdminApp, PEOPLE, createAccount, signedIn, type Client, type TestApp } from './helpers/app.ts';

let t: TestApp;
let clock: number;
let admin: Client;
useAdminApp(
  (s) => ({ t, admin } = s),
  () => {
    clock = Date.parse('2026-11-22T09:00:00Z');
    return { now: () => clock };
  },
);

type SessionRow = { id: string; user_id: string; secret_hash: string };
const sessionsOf = (username: string) =>
  t.db.$client.prepare('select s.id, s.user_id, s.secret_hash from sessions s join users u on u.id = s.user_id where u.username = ? order by s.created_at').all(username) as SessionRow[];
const audit = () => t.db.$client.prepare('select actor_name as actor, action, target, details from audit_log order by id').all() as { actor: string; action: string; target: string; details: string }[];
const userId = (username: string) => (t.db.$client.prepare('select id from users where username = ?').get(username) as { id: string }).id;

/** Ana signed in from two browsers. */
async function anaTwice(): Promise<[Client, Client]> {
  await createAccount(t, PEOPLE['ana-student']);
  const a = await signedIn(t, 'ana-student');
  const b = t.client();
  await b.request('/login', { method: 'POST', body: new URLSearchParams({ username: 'ana-student', password: PEOPLE['ana-student'].password }), headers: { origin: 'http://localhost:3000', 'user-agent': `Mozilla/5.0 ${'VeryLongBrowserName '.repeat(10)}` } });
  return [a, b];
}

describe('GET /admin/sessions', () => {
  it("lists named accounts' active sessions, marks this one, and shows no secrets", async () => {
    await anaTwice();
    await t.client().post('/submissions', { text: 'An anonymous writer memo.' }); // anonymous sessions are not listed
    const res = await admin.get('/admin/sessions');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html.match(/<tr( class="current-session")?><th scope="row">/g)).toHaveLength(3);
    expect(html).toContain('this session');
    expect(html).toContain('aria-current="page"');
    expect(html).toContain('VeryLongBrowserName VeryLongBrowserName VeryLongBrowserName'.slice(0, 40));
    expect(html).not.toContain('VeryLongBrowserName '.repeat(6));
    expect(html).toContain('2 sessions');
    for (const s of [...sessionsOf('ana-student'), ...sessionsOf('bo-admin')]) {
      expect(html).not.toContain(s.secret_hash);
      expect(html).toContain(`<code>${s.id.slice(0, 6)}…</code>`);
    }
    const token = admin.cookies.get('memo_session')!;
    expect(html).not.toContain(token.split('.')[1]);
  });

  it('leaves out expired sessions', async () => {
    await anaTwice();
    clock += t.config.current.files.auth.sessions.admin_idle_hours * 3600_000 - 1000;
    const fresh = await signedIn(t, 'bo-admin');
    clock += 2000; // bo's first session has expired; ana's (180 days) have not
    const html = await (await fresh.get('/admin/sessions')).text();
    expect(html.match(/<th scope="row">bo-admin/g)).toHaveLength(1);
    expect(html.match(/<th scope="row">ana-student/g)).toHaveLength(2);
  });

  it('answers JSON without secret hashes', async () => {
    await anaTwice();
    const res = await admin.get('/admin/sessions', { accept: 'application/json' });
    const body = await res.text();
    const { sessions } = JSON.parse(body) as { sessions: { username: string; current: boolean }[] };
    expect(sessions).toHaveLength(3);
    expect(sessions.filter((s) => s.current).map((s) => s.username)).toEqual(['bo-admin']);
    expect(body).not.toMatch(/secret/i);
  });

  it('is for admins only', async () => {
    const [ana] = await anaTwice();
    expect((await ana.get('/admin/sessions')).status).toBe(403);
    const target = sessionsOf('bo-admin')[0]!;
    expect((await ana.post(`/admin/sessions/${target.id}/revoke`)).status).toBe(403);
    expect(sessionsOf('bo-admin')).toHaveLength(1);
  });
});

describe('POST /admin/sessions/:id/revoke', () => {
  it("ends one of a user's sessions and records it", async () => {
    const [a, b] = await anaTwice();
    const [first] = sessionsOf('ana-student');
    const res = await admin.post(`/admin/sessions/${first!.id}/revoke`);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/admin/sessions');
    expect(sessionsOf('ana-student').map((s) => s.id)).not.toContain(first!.id);
    expect(sessionsOf('ana-student')).toHaveLength(1);
    expect((await a.get('/account/password')).headers.get('location')).toMatch(/^\/login/);
    expect((await b.get('/account/password')).status).toBe(200);
    expect(audit().at(-1)).toMatchObject({ actor: 'bo-admin', action: 'session.revoke', target: 'ana-student' });
    expect(await (await admin.get('/admin/sessions')).text()).toContain('Revoked a session of ana-student.');
  });

  it('signs you out when you revoke your own session', async () => {
    const [own] = sessionsOf('bo-admin');
    const res = await admin.post(`/admin/sessions/${own!.id}/revoke`);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/login');
    expect(res.headers.getSetCookie().some((c) => c.startsWith('memo_session=;'))).toBe(true);
    expect((await admin.get('/admin')).headers.get('location')).toBe('/login?next=%2Fadmin');
    expect(audit().at(-1)).toMatchObject({ action: 'session.revoke', target: 'bo-admin' });
  });

  it('answers 404 for an unknown or anonymous session', async () => {
    expect((await admin.post('/admin/sessions/nosuchsession/revoke')).status).toBe(404);
    await t.client().post('/submissions', { text: 'An anonymous writer memo.' });
    const anon = t.db.$client.prepare('select s.id from sessions s join users u on u.id = s.user_id where u.anonymous = 1').get() as { id: string };
    expect((await admin.post(`/admin/sessions/${anon.id}/revoke`)).status).toBe(404);
    expect(audit()).toEqual([]);
  });
});

describe('POST /admin/users/:id/sessions/revoke', () => {
  it('ends every session of a user and goes back to the page it came from', async () => {
    const [a, b] = await anaTwice();
    const res = await admin.post(`/admin/users/${userId('ana-student')}/sessions/revoke`, { back: '/admin/sessions' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/admin/sessions');
    expect(sessionsOf('ana-student')).toEqual([]);
    for (const c of [a, b]) expect((await c.get('/account/password')).headers.get('location')).toMatch(/^\/login/);
    expect(audit().at(-1)).toMatchObject({ actor: 'bo-admin', action: 'session.revoke_all', target: 'ana-student' });
    expect(JSON.parse(audit().at(-1)!.details)).toEqual({ sessionsEnded: 2 });
    expect(sessionsOf('bo-admin')).toHaveLength(1);
  });

  it('returns to the users page by default and never to another address', async () => {
    await anaTwice();
    const res = await admin.post(`/admin/users/${userId('ana-student')}/sessions/revoke`, { back: 'https://evil.example/' });
    expect(res.headers.get('location')).toBe('/admin/users');
  });

  it('signs you out when you end all your own sessions', async () => {
    const other = await signedIn(t, 'bo-admin');
    const res = await admin.post(`/admin/users/${userId('bo-admin')}/sessions/revoke`);
    expect(res.headers.get('location')).toBe('/login');
    expect(sessionsOf('bo-admin')).toEqual([]);
    expect((await other.get('/admin')).status).toBe(303);
  });

  it('answers 404 for an unknown user', async () => {
    expect((await admin.post('/admin/users/nosuchuser/sessions/revoke')).status).toBe(404);
  });
});
