import { describe, expect, it } from 'vitest';
import { insertAudit } from '../src/db/queries/audit.ts';
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

const rows = (html: string) => [...html.matchAll(/<tr><td><time datetime="[^"]+">([^<]+)<\/time><\/td><td>([^<]*)<\/td><td><code>([^<]+)<\/code><\/td><td>([^<]*)</g)].map((m) => ({ time: m[1], actor: m[2], action: m[3], target: m[4] }));

/** Fills the log with n entries by bo, one minute apart, targets t1..tn. */
function fill(n: number) {
  const bo = t.db.$client.prepare('select id, username from users where username = ?').get('bo-admin') as { id: string; username: string };
  for (let i = 1; i <= n; i++) insertAudit(t.db, { actor: bo, action: 'test.entry', target: `t${i}`, now: clock + i * 60_000 });
}

describe('GET /admin/audit', () => {
  it('shows the admin actions taken, newest first, with actor, action, target and time in UTC', async () => {
    const anaId = await createAccount(t, PEOPLE['ana-student']);
    await admin.post('/admin/users', { username: 'cy-student', role: 'student', password: 'cy-password-1' });
    clock += 60_000;
    await admin.post(`/admin/users/${anaId}/role`, { role: 'admin' });
    clock += 60_000;
    await admin.post(`/admin/users/${anaId}/deactivate`);
    clock += 60_000;
    await admin.post(`/admin/users/${anaId}/activate`);
    clock += 60_000;
    await admin.post(`/admin/users/${anaId}/password`, { password: 'ana-new-admin-pass' });
    clock += 60_000;
    await admin.post(`/admin/users/${anaId}/sessions/revoke`);
    const res = await admin.get('/admin/audit');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(rows(html).map((r) => r.action)).toEqual(['session.revoke_all', 'user.password_reset', 'user.activate', 'user.deactivate', 'user.role', 'user.create']);
    expect(rows(html).every((r) => r.actor === 'bo-admin')).toBe(true);
    expect(rows(html).at(-1)).toEqual({ time: '2026-11-22 09:00:00 UTC', actor: 'bo-admin', action: 'user.create', target: 'cy-student' });
    expect(html).toContain('<dt>from</dt><dd>student</dd><dt>to</dt><dd>admin</dd>');
    expect(html).toContain('aria-current="page"');
    expect(html).not.toContain('ana-new-admin-pass');
    expect(html).not.toContain('cy-password-1');
  });

  it('escapes details and targets', async () => {
    const bo = t.db.$client.prepare('select id, username from users where username = ?').get('bo-admin') as { id: string; username: string };
    insertAudit(t.db, { actor: bo, action: 'config.save', target: '<b>rubric</b>', details: { note: '<script>alert(1)</script>', list: ['a', 'b'], n: 3 }, now: clock });
    const html = await (await admin.get('/admin/audit')).text();
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&lt;b&gt;rubric&lt;/b&gt;');
    expect(html).toContain('<dt>list</dt><dd>a, b</dd><dt>n</dt><dd>3</dd>');
  });

  it('pages by 50 with rel prev/next links and bounds-checked page numbers', async () => {
    fill(120);
    const first = await (await admin.get('/admin/audit')).text();
    expect(rows(first)).toHaveLength(50);
    expect(rows(first)[0]!.target).toBe('t120');
    expect(first).toContain('<a rel="next" href="/admin/audit?page=2">');
    expect(first).not.toContain('rel="prev"');
    expect(first).toContain('120 entries · Page 1 of 3');

    const second = await (await admin.get('/admin/audit?page=2')).text();
    expect(rows(second)[0]!.target).toBe('t70');
    expect(second).toContain('<a rel="prev" href="/admin/audit?page=1">');
    expect(second).toContain('<a rel="next" href="/admin/audit?page=3">');

    const last = await (await admin.get('/admin/audit?page=3')).text();
    expect(rows(last)).toHaveLength(20);
    expect(last).not.toContain('rel="next"');

    for (const q of ['0', '-2', 'abc', '1e3', '99999999999999999999']) {
      const html = await (await admin.get(`/admin/audit?page=${q}`)).text();
      expect(html, q).toContain('Page 1 of 3');
    }
    // Past the end: the shared pager's rule (as in the other histories), no rows and a link to the last page.
    const past = await (await admin.get('/admin/audit?page=99')).text();
    expect(rows(past)).toHaveLength(0);
    expect(past).toContain('Page 99 is past the end; the last page is 3. <a href="/admin/audit?page=3">Go to page 3</a>');
  });

  it('says so when nothing is recorded', async () => {
    expect(await (await admin.get('/admin/audit')).text()).toContain('Nothing recorded yet.');
  });

  it('answers JSON', async () => {
    fill(3);
    const res = await admin.get('/admin/audit?page=1', { accept: 'application/json' });
    const body = (await res.json()) as { page: number; pages: number; total: number; entries: { actor: string; action: string; target: string; time: string }[] };
    expect(body).toMatchObject({ page: 1, pages: 1, total: 3, pageSize: 50 });
    expect(body.entries[0]).toMatchObject({ actor: 'bo-admin', action: 'test.entry', target: 't3', time: '2026-11-22T09:03:00.000Z' });
  });

  it('is for admins only', async () => {
    fill(1);
    const ana = await signedIn(t, 'ana-student');
    const res = await ana.get('/admin/audit');
    expect(res.status).toBe(403);
    expect(await res.text()).not.toContain('test.entry');
    expect((await t.client().get('/admin/audit')).headers.get('location')).toBe('/login?next=%2Fadmin%2Faudit');
  });
});
