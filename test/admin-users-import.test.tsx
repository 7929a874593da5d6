import { describe, expect, it } from 'vitest';
import { useAdminApp, ORIGIN, createAccount, type Client, type TestApp } from './helpers/app.ts';
import { count } from './helpers/db.ts';

let t: TestApp;
let admin: Client;
useAdminApp((s) => ({ t, admin } = s));

const userCount = () => count(t.db, 'users');
const userRow = (username: string) => t.db.$client.prepare('select id, role, must_change_password as mustChange from users where username = ?').get(username) as { id: string; role: string; mustChange: number } | undefined;
const audit = () => t.db.$client.prepare('select actor_name as actor, action, target, details from audit_log order by id').all() as { actor: string; action: string; target: string; details: string | null }[];
const secrets = (html: string) => [...html.matchAll(/<code class="secret">([^<]+)<\/code>/g)].map((m) => m[1]!);
const login = async (username: string, password: string) => ({ res: await t.client().post('/login', { username, password }) });

describe('POST /admin/users/import', () => {
  it('reports every bad line with its number and creates nothing', async () => {
    await createAccount(t, { username: 'taken-name', password: 'whatever-1', role: 'student' });
    const before = userCount();
    const csv = ['username,role,password', 'joe,student', 'kim,teacher', 'lee,admin,short', 'moe,student,', 'taken-name,student', 'JOE,admin', 'x,student'].join('\n');
    const res = await admin.post('/admin/users/import', { csv }, { multipart: true });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('Line 3: &quot;teacher&quot; is not a role');
    expect(html).toContain('Line 4: the password is not accepted: use at least 12 characters');
    expect(html).toContain('Line 6: taken-name already exists.');
    expect(html).toContain('Line 7: JOE is also on line 2.');
    expect(html).toContain('Line 8: &quot;x&quot; is not a valid username');
    expect(html).not.toContain('Line 2:');
    expect(html).not.toContain('Line 5:');
    expect(html).toContain('kim,teacher'); // the text is kept
    expect(userCount()).toBe(before);
    expect(audit().filter((a) => a.action === 'user.import')).toEqual([]);
  });

  it('rejects 3 good and 2 bad lines as a whole', async () => {
    const before = userCount();
    const csv = 'nia,student\nomar,student\nbad name,student\npia,admin\nq,student\n';
    const res = await admin.post('/admin/users/import', { csv });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('Line 3:');
    expect(html).toContain('Line 5:');
    expect(html).toContain('these 2 problems');
    expect(userCount()).toBe(before);
  });

  it('creates every account in one go and shows the generated passwords once', async () => {
    const csv = 'Username,Role,Password\r\nnia,student\r\n\r\nomar,ADMIN,"omar, the admin!"\r\npia,student,\r\n';
    const res = await admin.post('/admin/users/import', { csv }, { multipart: true });
    expect(res.status).toBe(201);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const html = await res.text();
    const generated = secrets(html);
    expect(generated).toHaveLength(2);
    expect(html).toContain('Imported 3 accounts');
    expect(html).not.toContain('omar, the admin!');
    expect(userRow('omar')).toMatchObject({ role: 'admin', mustChange: 1 });
    expect((await login('nia', generated[0]!)).res.headers.get('location')).toBe('/account/password');
    expect((await login('omar', 'omar, the admin!')).res.headers.get('location')).toBe('/account/password');
    expect((await login('pia', generated[1]!)).res.status).toBe(303);
    expect(audit().at(-1)).toMatchObject({ actor: 'bo-admin', action: 'user.import', target: '3 accounts' });
    expect(JSON.parse(audit().at(-1)!.details!)).toEqual({ count: 3, usernames: ['nia', 'omar', 'pia'] });
  });

  it('reads an uploaded file instead of the textarea', async () => {
    const body = new FormData();
    body.append('csv', 'ignored,student');
    body.append('file', new File(['rae,student\nsam,student\n'], 'people.csv', { type: 'text/csv' }));
    const res = await admin.request('/admin/users/import', { method: 'POST', body, headers: { origin: ORIGIN } });
    expect(res.status).toBe(201);
    expect(userRow('rae')).toBeDefined();
    expect(userRow('sam')).toBeDefined();
    expect(userRow('ignored')).toBeUndefined();
  });

  it('refuses an empty import and more than 500 lines', async () => {
    const before = userCount();
    const empty = await admin.post('/admin/users/import', { csv: '  \n\n' });
    expect(empty.status).toBe(422);
    expect(await empty.text()).toContain('Paste at least one line');
    const many = Array.from({ length: 501 }, (_, i) => `user${i},student`).join('\n');
    const res = await admin.post('/admin/users/import', { csv: many });
    expect(res.status).toBe(422);
    expect(await res.text()).toContain('at most 500');
    expect(userCount()).toBe(before);
  });

  it('answers 413 when the body is over 64 KiB', async () => {
    const res = await admin.post('/admin/users/import', { csv: `${'a'.repeat(70_000)},student` });
    expect(res.status).toBe(413);
  });
});

describe('CSV lines', () => {
  it('splits plain and quoted fields', async () => {
    const { csvFields } = await import('../src/auth/account-import.ts');
    expect(csvFields('ana, student ,pw')).toEqual(['ana', 'student', 'pw']);
    expect(csvFields('"ana","admin","a ""quoted"", comma"')).toEqual(['ana', 'admin', 'a "quoted", comma']);
    expect(csvFields('ana,student,')).toEqual(['ana', 'student', '']);
    expect(csvFields('ana,"open')).toBe('a quoted field is not closed.');
  });
});
