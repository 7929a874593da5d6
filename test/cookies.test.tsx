import { afterEach, describe, expect, it } from 'vitest';
import { PEOPLE, createAccount, makeTestApp, type TestApp } from './helpers/app.ts';

// Every cookie the app sets (session, flash, language) carries the same attributes, from one
// definition: on an HTTPS public origin they are all Secure, HttpOnly, SameSite=Lax and site-wide.

const ORIGIN = 'https://memo.example.edu';
let t: TestApp;
afterEach(async () => {
  await t.close();
});

const post = (path: string, fields: Record<string, string>, cookie = '') =>
  t.app.request(`${ORIGIN}${path}`, { method: 'POST', body: new URLSearchParams(fields), headers: { origin: ORIGIN, cookie } });

describe('cookies on an HTTPS origin', () => {
  it('session, flash and language cookies are all Secure, HttpOnly, SameSite=Lax, Path=/', async () => {
    t = makeTestApp({ env: { PUBLIC_ORIGIN: ORIGIN, NODE_ENV: 'production' } });
    const bo = PEOPLE['bo-admin'];
    await createAccount(t, bo);
    const login = await post('/login', { username: bo.username, password: bo.password });
    const session = login.headers.getSetCookie()[0]!.split(';')[0]!;
    const logout = await post('/logout', {}, session);
    const language = await post('/language', { lang: 'es', next: '/' });
    const cookies = [...login.headers.getSetCookie(), ...logout.headers.getSetCookie(), ...language.headers.getSetCookie()];
    const names = cookies.map((c) => c.split('=')[0]);
    expect(names).toEqual(expect.arrayContaining(['__Host-memo_session', 'memo_flash', 'memo_lang']));
    for (const cookie of cookies) {
      for (const flag of ['Secure', 'HttpOnly', 'SameSite=Lax', 'Path=/']) expect(cookie, cookie).toContain(flag);
    }
    expect(language.headers.getSetCookie().find((c) => c.startsWith('memo_lang='))).toContain('Max-Age=31536000');
  });
});
