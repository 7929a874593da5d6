import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ORIGIN, makeTestApp, waitForEvaluation, type TestApp } from './helpers/app.ts';
import { SAMPLE_MEMO } from './helpers/outputs.ts';
import { count } from './helpers/db.ts';

let t: TestApp;
beforeEach(() => {
  t = makeTestApp();
});
afterEach(async () => {
  await t.close();
});

const maxChars = () => t.config.current.files.llm.max_chars;

/** The textarea's content as the browser would show it (one leading newline is dropped by HTML). */
function textareaValue(html: string): string {
  const m = /<textarea[^>]*>\n?([\s\S]*?)<\/textarea>/.exec(html);
  if (!m) throw new Error('no textarea');
  return m[1]!.replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&quot;', '"').replaceAll('&#39;', "'").replaceAll('&amp;', '&');
}

describe('GET /', () => {
  it('shows a real form with the limit and the rubric criteria', async () => {
    const html = await (await t.client().get('/')).text();
    expect(html).toMatch(/<form[^>]+method="post"[^>]+action="\/submissions"/);
    expect(html).toContain('name="text"');
    expect(html).toContain('10,000 characters');
    expect(html).toContain('href="/rubric"');
    for (const c of t.config.current.files.rubric.criteria) expect(html).toContain(c.name);
  });
});

describe('POST /submissions validation', () => {
  const cases: Array<[string, string, RegExp]> = [
    ['empty', '', /Your memo is empty/],
    ['whitespace only', '   \n\t \r\n  ', /only spaces or blank lines/],
    ['NUL byte', 'Dear CFO,\0 approve this.', /null character/],
  ];
  for (const [name, text, message] of cases) {
    it(`answers 422 for ${name}, keeps the text, stores nothing`, async () => {
      const res = await t.client().post('/submissions', { text });
      expect(res.status).toBe(422);
      const html = await res.text();
      expect(html).toMatch(message);
      expect(html).toContain('aria-invalid="true"');
      expect(textareaValue(html)).toBe(text.replace(/\r\n?/g, '\n').replaceAll('\0', '\uFFFD'));
      expect(count(t.db, 'submissions')).toBe(0);
      expect(count(t.db, 'evaluations')).toBe(0);
      expect(count(t.db, 'users')).toBe(0);
    });
  }

  it('rejects max_chars + 1 with the exact overage, keeping the text', async () => {
    const text = 'a'.repeat(maxChars() + 1);
    const res = await t.client().post('/submissions', { text });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('10,001 characters long; the limit is 10,000. Shorten it by 1 character');
    expect(textareaValue(html)).toBe(text);
    expect(count(t.db, 'submissions')).toBe(0);
  });

  it('accepts exactly max_chars, counting characters not UTF-16 units or CRLF pairs', async () => {
    const emoji = '📈'.repeat(10);
    const body = `${emoji}\r\n${'b'.repeat(maxChars() - 11)}`; // 10 + 1 (CRLF → LF) + rest = max
    const res = await t.client().post('/submissions', { text: body }, { multipart: true });
    expect(res.status).toBe(303);
    const row = t.db.$client.prepare('select text, char_count from submissions').get() as { text: string; char_count: number };
    expect(row.char_count).toBe(maxChars());
    expect(row.text).not.toContain('\r');
    expect(row.text.startsWith(`${emoji}\n`)).toBe(true);
  });

  it('stores the memo verbatim (SQL metacharacters, markup) and escapes it on the page', async () => {
    const text = `Robert'); DROP TABLE submissions;-- <script>alert(1)</script> & "quotes"`;
    const c = t.client();
    const res = await c.post('/submissions', { text });
    expect(res.status).toBe(303);
    const row = t.db.$client.prepare('select text from submissions').get() as { text: string };
    expect(row.text).toBe(text);
    const id = Number(res.headers.get('location')!.split('/').pop());
    await waitForEvaluation(t, id);
    const html = await (await c.get(`/evaluations/${id}`)).text();
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('answers htmx with the form fragment on 422 and HX-Redirect on success', async () => {
    const c = t.client();
    const bad = await c.post('/submissions', { text: ' ' }, { headers: { 'hx-request': 'true' } });
    expect(bad.status).toBe(422);
    const fragment = await bad.text();
    expect(fragment.startsWith('<form')).toBe(true);
    expect(fragment).not.toContain('<html');
    const ok = await c.post('/submissions', { text: SAMPLE_MEMO }, { headers: { 'hx-request': 'true' } });
    expect(ok.status).toBe(204);
    expect(ok.headers.get('hx-redirect')).toMatch(/^\/evaluations\/\d+$/);
  });

  it('answers JSON clients with JSON', async () => {
    const c = t.client();
    const bad = await c.post('/submissions', { text: '' }, { headers: { accept: 'application/json' } });
    expect(bad.status).toBe(422);
    expect(await bad.json()).toMatchObject({ field: 'text', error: expect.stringContaining('empty') });
    const ok = await c.post('/submissions', { text: SAMPLE_MEMO }, { headers: { accept: 'application/json' } });
    expect(ok.status).toBe(201);
    expect(await ok.json()).toMatchObject({ status: 'queued', url: expect.stringMatching(/^\/evaluations\/\d+$/) });
  });

  it('answers 413 with a clear page for bodies over 64 KiB, storing nothing', async () => {
    const res = await t.client().post('/submissions', { text: 'x'.repeat(70 * 1024) });
    expect(res.status).toBe(413);
    expect(await res.text()).toContain('Too much text');
    expect(count(t.db, 'submissions')).toBe(0);
  });

  it('answers 415 for a body that is not a form', async () => {
    const res = await t.client().request('/submissions', { method: 'POST', body: JSON.stringify({ text: SAMPLE_MEMO }), headers: { origin: ORIGIN, 'content-type': 'application/json' } });
    expect(res.status).toBe(415);
    expect(count(t.db, 'submissions')).toBe(0);
  });

  it('treats a file upload in the text field as invalid input, not a crash', async () => {
    const body = new FormData();
    body.append('text', new Blob(['memo'], { type: 'text/plain' }), 'memo.txt');
    const res = await t.client().request('/submissions', { method: 'POST', body, headers: { origin: ORIGIN } });
    expect(res.status).toBe(422);
    expect(await res.text()).toContain('Paste your memo as text');
  });
});

describe('CSRF', () => {
  it('refuses a cross-site POST with a 403 page and stores nothing', async () => {
    const c = t.client();
    const foreign = await c.post('/submissions', { text: SAMPLE_MEMO }, { headers: { origin: 'https://evil.example' } });
    expect(foreign.status).toBe(403);
    expect(await foreign.text()).toContain('Request refused');
    const none = await c.request('/submissions', { method: 'POST', body: new URLSearchParams({ text: SAMPLE_MEMO }) });
    expect(none.status).toBe(403);
    expect(count(t.db, 'submissions')).toBe(0);
  });

  it('accepts a same-origin POST identified only by Sec-Fetch-Site', async () => {
    const c = t.client();
    const res = await c.request('/submissions', { method: 'POST', body: new URLSearchParams({ text: SAMPLE_MEMO }), headers: { 'sec-fetch-site': 'same-origin' } });
    expect(res.status).toBe(303);
  });
});

describe('writer cookie and revisions', () => {
  it('sets an HttpOnly SameSite=Lax session cookie holding id.secret, stored hashed', async () => {
    const res = await t.client().post('/submissions', { text: SAMPLE_MEMO });
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^memo_session=[a-z2-9]{24}\.[a-z2-9]{24};/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
    expect(cookie).toContain('Path=/');
    const [id, secret] = cookie.split(';')[0]!.split('=')[1]!.split('.');
    const row = t.db.$client.prepare('select secret_hash from sessions where id = ?').get(id) as { secret_hash: string };
    expect(row.secret_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(row.secret_hash).not.toContain(secret);
  });

  it('reuses the writer for later submissions from the same browser', async () => {
    const c = t.client();
    await c.post('/submissions', { text: SAMPLE_MEMO });
    await c.post('/submissions', { text: `${SAMPLE_MEMO} v2` });
    expect(count(t.db, 'users')).toBe(1);
    expect(count(t.db, 'sessions')).toBe(1);
  });

  it('pre-fills the form from ?revise and links the new submission to its parent', async () => {
    const c = t.client();
    await c.post('/submissions', { text: SAMPLE_MEMO });
    const parent = t.db.$client.prepare('select id from submissions').get() as { id: number };
    const html = await (await c.get(`/?revise=${parent.id}`)).text();
    expect(textareaValue(html)).toBe(SAMPLE_MEMO);
    expect(html).toContain(`name="parent" value="${parent.id}"`);
    await c.post('/submissions', { text: `${SAMPLE_MEMO}\nRevised.`, parent: String(parent.id) });
    const child = t.db.$client.prepare('select parent_id from submissions order by id desc').get() as { parent_id: number };
    expect(child.parent_id).toBe(parent.id);
  });

  it("ignores ?revise and parent for another writer's submission", async () => {
    const ana = t.client();
    await ana.post('/submissions', { text: SAMPLE_MEMO });
    const parent = t.db.$client.prepare('select id from submissions').get() as { id: number };
    const bo = t.client();
    const html = await (await bo.get(`/?revise=${parent.id}`)).text();
    expect(html).not.toContain('Dayton');
    await bo.post('/submissions', { text: 'Another memo from Bo.', parent: String(parent.id) });
    const child = t.db.$client.prepare('select parent_id from submissions order by id desc').get() as { parent_id: number | null };
    expect(child.parent_id).toBeNull();
  });
});
