import { afterEach, describe, expect, it } from 'vitest';
import type { LlmProvider } from '../src/llm/types.ts';
import { makeTestApp, signedIn, waitForEvaluation, type Client, type TestApp } from './helpers/app.ts';
import { SAMPLE_MEMO, reply, validOutput } from './helpers/outputs.ts';
import { insertAssignment, submitTo, userId } from './helpers/reviews.ts';

// A finished result page is validated by an ETag (decision 015): the browser keeps it privately and
// asks again every time; 304 only while nothing it shows has changed, and only to its own writer.

let t: TestApp;
afterEach(async () => {
  await t.close();
});

const idOf = (res: Response) => Number(res.headers.get('location')!.split('/').pop());

/** GET of a page with the browser's stored validator, if any. */
const getWith = (c: Client, path: string, etag?: string) => c.get(path, etag ? { 'if-none-match': etag } : {});

async function submitAndWait(c: Client, text = SAMPLE_MEMO): Promise<number> {
  const id = idOf(await c.post('/submissions', { text }));
  await waitForEvaluation(t, id);
  return id;
}

describe('GET /evaluations/:id of a finished evaluation', () => {
  it('answers 304 to its own ETag, private and revalidated every time, with the same page otherwise', async () => {
    t = makeTestApp();
    const c = t.client();
    const id = await submitAndWait(c);
    const first = await c.get(`/evaluations/${id}`);
    expect(first.status).toBe(200);
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(first.headers.get('cache-control')).toBe('private, no-cache');
    const html = await first.text();
    expect(html).toContain('overall-number');

    const again = await getWith(c, `/evaluations/${id}`, etag);
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    expect(again.headers.get('etag')).toBe(etag);
    expect(again.headers.get('cache-control')).toBe('private, no-cache');

    const stale = await getWith(c, `/evaluations/${id}`, '"something-else"');
    expect(stale.status).toBe(200);
    expect(await stale.text()).toBe(html);
  });

  it('never answers 304 across writers: another writer with the same ETag gets 404', async () => {
    t = makeTestApp();
    const ana = t.client();
    const id = await submitAndWait(ana);
    const etag = (await ana.get(`/evaluations/${id}`)).headers.get('etag')!;
    const other = t.client();
    await submitAndWait(other, `${SAMPLE_MEMO}\n\nAnother writer.`);
    const res = await getWith(other, `/evaluations/${id}`, etag);
    expect(res.status).toBe(404);
    expect(res.headers.get('etag')).toBeNull();
    expect((await getWith(t.client(), `/evaluations/${id}`, etag)).status).toBe(404);
  });

  it('is 200 with a new ETag after Try again turns a failure into a result', async () => {
    let failing = true;
    const provider = (): LlmProvider => ({
      name: 'anthropic',
      model: 'flaky',
      complete: async () => {
        if (failing) throw new Error('provider down');
        return reply(JSON.stringify(validOutput(t.config.current.files.rubric)));
      },
    });
    t = makeTestApp({ provider, files: (f) => ({ ...f, llm: { ...f.llm, max_retries: 0 } }) });
    const c = t.client();
    const id = await submitAndWait(c);
    const failed = await c.get(`/evaluations/${id}`);
    expect(failed.status).toBe(200);
    expect(await failed.text()).toContain(`action="/evaluations/${id}/retry"`);
    const failedTag = failed.headers.get('etag')!;
    expect((await getWith(c, `/evaluations/${id}`, failedTag)).status).toBe(304);

    failing = false;
    expect((await c.post(`/evaluations/${id}/retry`)).status).toBe(303);
    expect(await waitForEvaluation(t, id)).toBe('done');
    const after = await getWith(c, `/evaluations/${id}`, failedTag);
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(failedTag);
    expect(await after.text()).toContain('overall-number');
  });

  it('is 200 with a new ETag once an instructor releases a result held for review', async () => {
    t = makeTestApp();
    const admin = await signedIn(t, 'bo-admin');
    const ana = await signedIn(t, 'ana-student');
    const assignment = { id: insertAssignment(t, { slug: 'board-memo', release: 'review' }), release: 'review' as const };
    const id = await submitTo(t, userId(t, 'ana-student'), assignment, SAMPLE_MEMO);
    const held = await ana.get(`/evaluations/${id}`);
    expect(await held.text()).toContain('waiting for your instructor');
    const heldTag = held.headers.get('etag')!;
    expect((await getWith(ana, `/evaluations/${id}`, heldTag)).status).toBe(304);

    const values = (await (await admin.get(`/admin/reviews/${id}`, { accept: 'application/json' })).json()).values as { scores: Record<string, string>; comments: Record<string, string>; note: string };
    const fields: Record<string, string> = { note: 'Well argued.', action: 'release' };
    for (const [k, s] of Object.entries(values.scores)) Object.assign(fields, { [`score_${k}`]: s, [`comment_${k}`]: values.comments[k] ?? '' });
    expect((await admin.post(`/admin/reviews/${id}`, fields)).status).toBe(303);

    const released = await getWith(ana, `/evaluations/${id}`, heldTag);
    expect(released.status).toBe(200);
    expect(released.headers.get('etag')).not.toBe(heldTag);
    const html = await released.text();
    expect(html).toContain('overall-number');
    expect(html).toContain('Well argued.');
  });

  it('is 200 after the writer flags it (the page shows the flag and the flash), and in another language', async () => {
    t = makeTestApp();
    const c = t.client();
    const id = await submitAndWait(c);
    const etag = (await c.get(`/evaluations/${id}`)).headers.get('etag')!;
    expect((await c.post(`/evaluations/${id}/flag`, { reason: 'The evidence score ignores my second paragraph.' })).status).toBe(303);
    const flagged = await getWith(c, `/evaluations/${id}`, etag);
    expect(flagged.status).toBe(200);
    expect(flagged.headers.get('etag')).toBeNull();
    const flaggedTag = (await c.get(`/evaluations/${id}`)).headers.get('etag')!;
    expect(flaggedTag).not.toBe(etag);
    const german = await c.get(`/evaluations/${id}`, { 'if-none-match': flaggedTag, 'accept-language': 'es' });
    expect(german.status).toBe(200);
    expect(await german.text()).toContain('lang="es"');
  });

  it('keeps no-store and no ETag while pending, and for JSON and htmx answers', async () => {
    t = makeTestApp();
    const c = t.client();
    const id = await submitAndWait(c);
    for (const headers of [{ accept: 'application/json' }, { 'hx-request': 'true' }] as Record<string, string>[]) {
      const res = await c.get(`/evaluations/${id}`, headers);
      expect(res.status).toBe(200);
      expect(res.headers.get('etag')).toBeNull();
      expect(res.headers.get('cache-control')).toBe('no-store');
    }
    await t.queue.stop(1000);
    const pending = t.db.$client.prepare("update evaluations set status = 'queued', finished_at = null where id = ?").run(id);
    expect(pending.changes).toBe(1);
    const res = await c.get(`/evaluations/${id}`);
    expect(res.headers.get('etag')).toBeNull();
    expect(res.headers.get('cache-control')).toBe('no-store');
  });
});

// Pages drawn once and kept (decision 015) must still follow every write at once.
describe('pages kept in memory', () => {
  it('the admin history shows a new evaluation, and its new state, on the next request', async () => {
    t = makeTestApp();
    const admin = await signedIn(t, 'bo-admin');
    const listed = async () => (await (await admin.get('/admin/evaluations')).text()).match(/href="\/admin\/evaluations\/(\d+)"/g) ?? [];
    const writer = t.client();
    const first = await submitAndWait(writer);
    expect(await listed()).toHaveLength(1);
    expect(await listed()).toHaveLength(1);
    await submitAndWait(writer, `${SAMPLE_MEMO}\n\nSecond.`);
    expect(await listed()).toHaveLength(2);
    t.db.$client.prepare("update evaluations set status = 'failed', error_kind = 'server_error' where id = ?").run(first);
    const json = await (await admin.get('/admin/evaluations', { accept: 'application/json' })).json();
    expect(json.rows.find((r: { id: number }) => r.id === first).status).toBe('failed');
  });

  it('the home page turns into the list of assignments once a second one opens, and the form follows the language', async () => {
    t = makeTestApp();
    const c = t.client();
    const form = await (await c.get('/')).text();
    expect(form).toContain('id="submission-form"');
    expect(await (await c.get('/')).text()).toBe(form);
    expect(await (await c.get('/', { 'accept-language': 'es' })).text()).toContain('lang="es"');
    insertAssignment(t, { slug: 'board-memo', release: 'immediate', title: 'Board memo' });
    const home = await (await c.get('/')).text();
    expect(home).not.toContain('id="submission-form"');
    expect(home).toContain('href="/a/board-memo"');
  });
});
