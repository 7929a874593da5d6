import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestApp, signedIn, type TestApp } from './helpers/app.ts';
import { SAMPLE_MEMO } from './helpers/outputs.ts';
import { count } from './helpers/db.ts';

let t: TestApp;
beforeEach(() => {
  t = makeTestApp({ files: (f) => ({ ...f, auth: { ...f.auth, student_mode: 'accounts' } }) });
});
afterEach(async () => {
  await t.close();
});

describe('student_mode: accounts', () => {
  it('sends anonymous visitors to the login page and refuses anonymous submissions', async () => {
    const c = t.client();
    const home = await c.get('/');
    expect(home.status).toBe(303);
    expect(home.headers.get('location')).toBe('/login?next=%2F');
    const post = await c.post('/submissions', { text: SAMPLE_MEMO });
    expect(post.status).toBe(403);
    expect(count(t.db, 'submissions')).toBe(0);
    expect((await c.get('/rubric')).status).toBe(200);
  });

  it('lets a signed-in student submit and see their evaluation, shows the account in the header', async () => {
    const ana = await signedIn(t, 'ana-student');
    const home = await ana.get('/');
    expect(home.status).toBe(200);
    expect(await home.text()).toContain('ana-student');
    const res = await ana.post('/submissions', { text: SAMPLE_MEMO });
    expect(res.status).toBe(303);
    expect((await ana.get(res.headers.get('location')!)).status).toBe(200);
    expect((await t.client().get(res.headers.get('location')!)).status).toBe(303);
  });

  it('sends a student to the memo form after login, an admin to the dashboard', async () => {
    const ana = await signedIn(t, 'ana-student');
    expect(ana.cookies.size).toBe(1);
    const res = await t.client().post('/login', { username: 'ana-student', password: 'ana-password-1' });
    expect(res.headers.get('location')).toBe('/');
  });
});
