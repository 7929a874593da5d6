import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ORIGIN, PEOPLE, createAccount, makeTestApp, signedIn, waitForEvaluation, type TestApp } from './helpers/app.ts';
import { SAMPLE_MEMO } from './helpers/outputs.ts';
import { localOrigin, startServer } from './helpers/server-process.ts';
import { count } from './helpers/db.ts';

// Smaller findings of the security review, one test each.

let t: TestApp;
afterEach(async () => {
  await t.close();
});

const countSubmissions = () => count(t.db, 'submissions');

describe('next', () => {
  it('answers 400 over real HTTP for /language?next=/%01 (a control character once made Node throw: a 500)', { timeout: 30_000 }, async () => {
    t = makeTestApp(); // closed by afterEach; the server below has its own data folder
    const dir = mkdtempSync(join(tmpdir(), 'memoai-next-'));
    const origin = await localOrigin();
    const server = await startServer({ DATA_DIR: dir, ...origin });
    try {
      const res = await fetch(`${server.url}/language`, { method: 'POST', body: 'lang=es&next=/%01', headers: { origin: origin.PUBLIC_ORIGIN, 'content-type': 'application/x-www-form-urlencoded' }, redirect: 'manual' });
      expect(res.status).toBe(400);
      const html = await res.text();
      expect(html).toContain('Bad request');
      expect(html).not.toMatch(/at .*\.ts:\d+/);
    } finally {
      server.child.kill('SIGTERM');
      await server.exited;
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('Host on state-changing requests (DNS rebinding)', () => {
  it('refuses a same-origin post addressed to another host name', async () => {
    t = makeTestApp();
    // A page on rebind.attacker.example that resolves to this server is "same-origin" to the browser.
    const res = await t.app.request('http://rebind.attacker.example/submissions', {
      method: 'POST',
      body: new URLSearchParams({ text: SAMPLE_MEMO }),
      headers: { origin: 'http://rebind.attacker.example', 'sec-fetch-site': 'same-origin' },
    });
    expect(res.status).toBe(403);
    expect(await res.text()).toContain('<h1');
    expect(countSubmissions()).toBe(0);
    const own = await t.app.request(`${ORIGIN}/submissions`, { method: 'POST', body: new URLSearchParams({ text: SAMPLE_MEMO }), headers: { 'sec-fetch-site': 'same-origin' } });
    expect(own.status).toBe(303);
  });

  it('still serves pages under any host name (only posts are refused)', async () => {
    t = makeTestApp();
    expect((await t.app.request('http://other.example/rubric')).status).toBe(200);
  });

  it('accepts 127.0.0.1 on the port when running locally with the default origin', async () => {
    t = makeTestApp({ env: { PUBLIC_ORIGIN: undefined, PORT: '3000' } });
    const post = (host: string) => t.app.request(`http://${host}/submissions`, { method: 'POST', body: new URLSearchParams({ text: SAMPLE_MEMO }), headers: { origin: `http://${host}` } });
    expect((await post('127.0.0.1:3000')).status).toBe(303);
    expect((await post('localhost:3000')).status).toBe(303);
    expect((await post('127.0.0.1:3001')).status).toBe(403);
  });
});

describe('request ids', () => {
  it('are always made by the server: a client-chosen X-Request-Id is neither echoed nor logged', async () => {
    t = makeTestApp();
    const res = await t.client().get('/rubric', { 'x-request-id': 'chosen-by-client-123' });
    const id = res.headers.get('x-request-id')!;
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(t.logs.join('')).not.toContain('chosen-by-client-123');
    expect(t.logs.join('')).toContain(id);
  });
});

describe('flash cookie', () => {
  it('is Secure when the public origin is https, and not on plain http', async () => {
    t = makeTestApp({ env: { PUBLIC_ORIGIN: 'https://memo.example.edu' } });
    await createAccount(t, PEOPLE['bo-admin']);
    const login = await t.app.request('https://memo.example.edu/login', { method: 'POST', body: new URLSearchParams({ username: 'bo-admin', password: PEOPLE['bo-admin'].password }), headers: { origin: 'https://memo.example.edu' } });
    const session = login.headers.getSetCookie()[0]!.split(';')[0]!;
    const out = await t.app.request('https://memo.example.edu/logout', { method: 'POST', headers: { origin: 'https://memo.example.edu', cookie: session } });
    const flash = out.headers.getSetCookie().find((l) => l.startsWith('memo_flash='))!;
    expect(flash).toMatch(/; Secure/);
    await t.close();
    t = makeTestApp();
    const plain = await (await signedIn(t, 'bo-admin')).post('/logout');
    expect(plain.headers.getSetCookie().find((l) => l.startsWith('memo_flash='))).not.toMatch(/Secure/);
  });
});

describe('revision diff', () => {
  it('is bounded: a revision too different to mark says so instead of blocking the server', async () => {
    t = makeTestApp();
    const c = t.client();
    const memo = (tag: string) => Array.from({ length: 900 }, (_, i) => `${tag}${i} item.\n`).join('');
    const first = (await c.post('/submissions', { text: memo('p') })).headers.get('location')!;
    await waitForEvaluation(t, Number(first.split('/').pop()));
    const parent = (t.db.$client.prepare('select id from submissions').get() as { id: number }).id;
    const second = (await c.post('/submissions', { text: memo('q'), parent: String(parent) })).headers.get('location')!;
    await waitForEvaluation(t, Number(second.split('/').pop()));
    const started = performance.now();
    const html = await (await c.get(second)).text();
    expect(performance.now() - started).toBeLessThan(500);
    expect(html).toContain('differs too much from the previous one to mark the changes');
    expect(html).not.toContain('<del>');
  });
});
