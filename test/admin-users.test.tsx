import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { useAdminApp, PEOPLE, createAccount, signedIn, type Client, type TestApp } from './helpers/app.ts';
import { count } from './helpers/db.ts';

let t: TestApp;
let admin: Client;
useAdminApp((s) => ({ t, admin } = s));

const userCount = () => count(t.db, 'users');
const userRow = (username: string) =>
  t.db.$client.prepare('select id, role, active, must_change_password as mustChange from users where username = ?').get(username) as { id: string; role: string; active: number; mustChange: number } | undefined;
const sessionCount = (userId: string) => count(t.db, 'sessions', 'user_id = ?', userId);
const audit = () => t.db.$client.prepare('select actor_name as actor, action, target, details from audit_log order by id').all() as { actor: string; action: string; target: string; details: string | null }[];
const secrets = (html: string) => [...html.matchAll(/<code class="secret">([^<]+)<\/code>/g)].map((m) => m[1]!);

/** Signs in with a password; the login response tells where the user is sent. */
async function login(username: string, password: string): Promise<{ client: Client; res: Response }> {
  const client = t.client();
  const res = await client.post('/login', { username, password });
  return { client, res };
}

const carl = { username: 'carl-admin', password: 'carl-admin-password', role: 'admin' } as const;

describe('GET /admin/users', () => {
  it('lists named accounts with role, status and the must-change flag', async () => {
    await createAccount(t, { username: 'dee', password: 'dee-password', role: 'student', mustChangePassword: true });
    const res = await admin.get('/admin/users');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('bo-admin');
    expect(html).toContain('dee');
    expect(html).toMatch(/<th scope="row">dee<\/th><td>Student<\/td><td>Active<\/td><td>Yes<\/td><td><span class="hint">Never<\/span>/);
    expect(html).toMatch(/<span class="badge">you<\/span>/);
    expect(html).toContain('aria-current="page"');
    expect(html).toContain('action="/admin/users/import"');
    expect(html).toContain('enctype="multipart/form-data"');
  });

  it('answers JSON without password hashes', async () => {
    const res = await admin.get('/admin/users', { accept: 'application/json' });
    expect(res.status).toBe(200);
    const body = await res.text();
    expect(JSON.parse(body).users[0]).toMatchObject({ username: 'bo-admin', role: 'admin', active: true });
    expect(body).not.toMatch(/hash|argon2/i);
  });

  it('is for admins only', async () => {
    const ana = await signedIn(t, 'ana-student');
    expect((await ana.get('/admin/users')).status).toBe(403);
    expect((await ana.post('/admin/users', { username: 'sneaky', role: 'admin' })).status).toBe(403);
    expect(userRow('sneaky')).toBeUndefined();
    expect((await t.client().get('/admin/users')).headers.get('location')).toBe('/login?next=%2Fadmin%2Fusers');
  });
});

describe('POST /admin/users', () => {
  it('generates a password, shows it once, and forces a change at first sign-in', async () => {
    const res = await admin.post('/admin/users', { username: 'eve.writer', role: 'student', password: '' });
    expect(res.status).toBe(201);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const [password] = secrets(await res.text());
    expect(password).toMatch(/^[a-z2-9]{24}$/);
    expect(userRow('eve.writer')).toMatchObject({ role: 'student', active: 1, mustChange: 1 });
    expect(secrets(await (await admin.get('/admin/users')).text())).toEqual([]);

    const { client, res: signIn } = await login('eve.writer', password!);
    expect(signIn.status).toBe(303);
    expect(signIn.headers.get('location')).toBe('/account/password');
    expect((await client.get('/rubric')).headers.get('location')).toBe('/account/password');
    expect(audit().at(-1)).toMatchObject({ actor: 'bo-admin', action: 'user.create', target: 'eve.writer' });
  });

  it('takes a given password, 303s with a flash, and still requires a change', async () => {
    const res = await admin.post('/admin/users', { username: 'fay', role: 'admin', password: 'fay-admin-pass-1' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/admin/users');
    expect(await (await admin.get('/admin/users')).text()).toContain('Created fay.');
    expect(userRow('fay')).toMatchObject({ role: 'admin', mustChange: 1 });
    expect((await login('fay', 'fay-admin-pass-1')).res.headers.get('location')).toBe('/account/password');
  });

  it('refuses a taken username (any case) with 422 beside the field', async () => {
    await createAccount(t, { username: 'gus', password: 'gus-password', role: 'student' });
    const before = userCount();
    const res = await admin.post('/admin/users', { username: 'GUS', role: 'student', password: '' });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('id="new-username-error"');
    expect(html).toContain('The username GUS is taken');
    expect(html).toContain('value="GUS"');
    expect(html).toMatch(/aria-describedby="new-username-hint new-username-error"/);
    expect(userCount()).toBe(before);
  });

  it('refuses a bad role, a bad username and a password too short for the role', async () => {
    const before = userCount();
    const cases: [Record<string, string>, string][] = [
      [{ username: 'hal', role: 'superuser' }, 'Choose a role'],
      [{ username: 'h', role: 'student' }, 'Use 3 to 40 characters'],
      [{ username: 'has space', role: 'student' }, 'Use 3 to 40 characters'],
      [{ username: 'x'.repeat(41), role: 'student' }, 'Use 3 to 40 characters'],
      [{ username: 'hal', role: 'admin', password: 'eleven-char' }, 'at least 12 characters for an administrator'],
      [{ username: 'hal', role: 'student', password: 'seven-c' }, 'at least 8 characters for a student'],
    ];
    for (const [fields, error] of cases) {
      const res = await admin.post('/admin/users', fields);
      expect(res.status, JSON.stringify(fields)).toBe(422);
      expect(await res.text()).toContain(error);
    }
    expect(userCount()).toBe(before);
    expect((await admin.post('/admin/users', { username: 'hal', role: 'student', password: 'eight-ch' })).status).toBe(303);
  });

  it('answers JSON with the generated password', async () => {
    const res = await admin.post('/admin/users', { username: 'ida', role: 'student' }, { headers: { accept: 'application/json' } });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ username: 'ida', role: 'student', password: expect.stringMatching(/^[a-z2-9]{24}$/) });
  });
});

describe('deactivate and activate', () => {
  it('ends the sessions of a deactivated user and refuses their sign-in until activated', async () => {
    const id = await createAccount(t, carl);
    const { client } = await login(carl.username, carl.password);
    expect((await client.get('/admin')).status).toBe(200);
    const res = await admin.post(`/admin/users/${id}/deactivate`);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/admin/users');
    expect(sessionCount(id)).toBe(0);
    const after = await client.get('/admin');
    expect(after.status).toBe(303);
    expect(after.headers.get('location')).toMatch(/^\/login/);
    expect((await login(carl.username, carl.password)).res.status).toBe(401);
    expect(audit().at(-1)).toMatchObject({ actor: 'bo-admin', action: 'user.deactivate', target: 'carl-admin' });
    expect(JSON.parse(audit().at(-1)!.details!)).toEqual({ sessionsEnded: 1 });

    const again = await admin.post(`/admin/users/${id}/activate`);
    expect(again.status).toBe(303);
    expect(userRow('carl-admin')!.active).toBe(1);
    expect((await login(carl.username, carl.password)).res.status).toBe(303);
    expect(audit().at(-1)).toMatchObject({ action: 'user.activate', target: 'carl-admin' });
  });

  it('refuses to deactivate yourself, or the last active admin', async () => {
    const boId = userRow('bo-admin')!.id;
    const alone = await admin.post(`/admin/users/${boId}/deactivate`);
    expect(alone.status).toBe(409);
    expect(await alone.text()).toContain('last active administrator');
    await createAccount(t, carl);
    const self = await admin.post(`/admin/users/${boId}/deactivate`);
    expect(self.status).toBe(409);
    expect(await self.text()).toContain('You can&#39;t deactivate your own account');
    expect(userRow('bo-admin')!.active).toBe(1);
    expect(audit()).toEqual([]);
  });

  it('answers 404 for an unknown or anonymous user', async () => {
    const unknown = await admin.post('/admin/users/nosuchuser/deactivate');
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toContain('There is no account with this address');
    expect((await admin.post('/admin/users/nosuchuser/activate')).status).toBe(404);
    const anon = await t.client().post('/submissions', { text: 'A memo long enough to be stored.' });
    expect(anon.status).toBe(303);
    const anonId = (t.db.$client.prepare('select id from users where anonymous = 1').get() as { id: string }).id;
    expect((await admin.post(`/admin/users/${anonId}/deactivate`)).status).toBe(404);
  });
});

describe('reset password', () => {
  it('generates a password, ends every session and forces a change', async () => {
    const id = await createAccount(t, PEOPLE['ana-student']);
    const ana = await signedIn(t, 'ana-student');
    const res = await admin.post(`/admin/users/${id}/password`, { password: '' });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const [password] = secrets(await res.text());
    expect(sessionCount(id)).toBe(0);
    expect(userRow('ana-student')!.mustChange).toBe(1);
    expect((await ana.get('/account/password')).headers.get('location')).toMatch(/^\/login/);
    expect((await login('ana-student', PEOPLE['ana-student'].password)).res.status).toBe(401);
    expect((await login('ana-student', password!)).res.headers.get('location')).toBe('/account/password');
    expect(audit().at(-1)).toMatchObject({ action: 'user.password_reset', target: 'ana-student' });
  });

  it('takes a given password (303) and checks its length for the role', async () => {
    const id = await createAccount(t, carl);
    const short = await admin.post(`/admin/users/${id}/password`, { password: 'only-eleven' });
    expect(short.status).toBe(422);
    const html = await short.text();
    expect(html).toContain(`id="password-${id}-error"`);
    expect(html).toContain('at least 12 characters');
    expect((await login(carl.username, carl.password)).res.status).toBe(303);
    const ok = await admin.post(`/admin/users/${id}/password`, { password: 'a-new-admin-password' });
    expect(ok.status).toBe(303);
    expect((await login(carl.username, 'a-new-admin-password')).res.headers.get('location')).toBe('/account/password');
  });

  it('refuses your own account (use the change-password page) and unknown users', async () => {
    const boId = userRow('bo-admin')!.id;
    const res = await admin.post(`/admin/users/${boId}/password`, { password: '' });
    expect(res.status).toBe(409);
    expect(await res.text()).toContain('Change password page');
    expect((await admin.post('/admin/users/nosuchuser/password', { password: '' })).status).toBe(404);
  });
});

describe('change role', () => {
  it('promotes and demotes, ending the sessions of the changed account', async () => {
    const id = await createAccount(t, PEOPLE['ana-student']);
    const ana = await signedIn(t, 'ana-student');
    const res = await admin.post(`/admin/users/${id}/role`, { role: 'admin' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/admin/users');
    expect(userRow('ana-student')!.role).toBe('admin');
    // A student password may be shorter than an admin's: the new admin must choose a new one.
    expect(userRow('ana-student')!.mustChange).toBe(1);
    expect(sessionCount(id)).toBe(0);
    expect((await ana.get('/admin')).status).toBe(303);
    expect(audit().at(-1)).toMatchObject({ action: 'user.role', target: 'ana-student' });
    expect(JSON.parse(audit().at(-1)!.details!)).toEqual({ from: 'student', to: 'admin', sessionsEnded: 1 });
    expect((await admin.post(`/admin/users/${id}/role`, { role: 'student' })).status).toBe(303);
    expect(userRow('ana-student')!.role).toBe('student');
  });

  it('refuses a bad role with 422 beside the field', async () => {
    const id = await createAccount(t, PEOPLE['ana-student']);
    const res = await admin.post(`/admin/users/${id}/role`, { role: 'root' });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain(`id="role-${id}-error"`);
    expect(html).toContain('Choose a role');
    expect(userRow('ana-student')!.role).toBe('student');
  });

  it('refuses to demote yourself or the last active admin', async () => {
    const boId = userRow('bo-admin')!.id;
    const alone = await admin.post(`/admin/users/${boId}/role`, { role: 'student' });
    expect(alone.status).toBe(409);
    expect(await alone.text()).toContain('last active administrator');
    await createAccount(t, carl);
    const self = await admin.post(`/admin/users/${boId}/role`, { role: 'student' });
    expect(self.status).toBe(409);
    expect(await self.text()).toContain('You can&#39;t remove your own administrator role');
    expect(userRow('bo-admin')!.role).toBe('admin');
    expect((await admin.post('/admin/users/nosuchuser/role', { role: 'student' })).status).toBe(404);
  });
});

describe('passwords in the audit log', () => {
  it('are never stored there, nor anywhere in the database in plain text', async () => {
    const given = 'given-admin-password-xyz';
    const create = await admin.post('/admin/users', { username: 'una', role: 'student', password: '' });
    const [generated] = secrets(await create.text());
    await admin.post('/admin/users', { username: 'vic', role: 'admin', password: given });
    const imported = await admin.post('/admin/users/import', { csv: 'wes,student,imported-secret-1\nxia,student' });
    const [importedGenerated] = secrets(await imported.text());
    const vicId = userRow('vic')!.id;
    const reset = await admin.post(`/admin/users/${vicId}/password`, { password: '' });
    const [resetGenerated] = secrets(await reset.text());
    await admin.post(`/admin/users/${vicId}/password`, { password: 'reset-given-password-1' });
    const plain = [generated!, given, 'imported-secret-1', importedGenerated!, resetGenerated!, 'reset-given-password-1'];
    expect(audit().length).toBe(5);
    const table = JSON.stringify(audit());
    t.db.$client.pragma('wal_checkpoint(TRUNCATE)');
    const file = readFileSync(t.config.env.databasePath).toString('latin1');
    for (const p of plain) {
      expect(table).not.toContain(p);
      expect(file).not.toContain(p);
    }
    expect(t.logs.join('')).not.toContain(given);
  });
});
