import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAccount, makeTestApp, signedIn, waitForEvaluation, type Client, type TestApp } from './helpers/app.ts';
import { count, row } from './helpers/db.ts';
import { SAMPLE_MEMO } from './helpers/outputs.ts';

let t: TestApp;
let admin: Client;
let ana: Client;
let id: number;
beforeEach(async () => {
  t = makeTestApp();
  admin = await signedIn(t, 'bo-admin');
  ana = await signedIn(t, 'ana-student');
  const res = await ana.post('/submissions', { text: SAMPLE_MEMO });
  id = Number(res.headers.get('location')!.split('/').pop());
  await waitForEvaluation(t, id);
});
afterEach(async () => {
  await t.close();
});

const REASON = 'The clarity score ignores my executive summary.';

describe('flagging a result', () => {
  it('offers a plain form on the result page and refuses an empty or too long reason, keeping it (422)', async () => {
    expect(await (await ana.get(`/evaluations/${id}`)).text()).toContain(`action="/evaluations/${id}/flag"`);
    const empty = await ana.post(`/evaluations/${id}/flag`, { reason: '   ' });
    expect(empty.status).toBe(422);
    expect(await empty.text()).toContain('Write what seems wrong, then send.');
    const long = `${'x'.repeat(995)} tail-marker`;
    const tooLong = await ana.post(`/evaluations/${id}/flag`, { reason: long });
    expect(tooLong.status).toBe(422);
    const html = await tooLong.text();
    expect(html).toContain('the limit is 1,000');
    expect(html).toContain('tail-marker');
    expect(count(t.db, 'flags')).toBe(0);
  });

  it('lets only the writer flag: someone else gets 404 and nothing is stored', async () => {
    await createAccount(t, { username: 'dee-student', password: 'dee-password-1', role: 'student' });
    const dee = t.client();
    await dee.post('/login', { username: 'dee-student', password: 'dee-password-1' });
    expect((await dee.post(`/evaluations/${id}/flag`, { reason: REASON })).status).toBe(404);
    expect((await admin.post(`/evaluations/${id}/flag`, { reason: REASON })).status).toBe(404);
    expect(count(t.db, 'flags')).toBe(0);
  });

  it('sends the flag to the queue, and an instructor’s release resolves it and shows the note', async () => {
    const res = await ana.post(`/evaluations/${id}/flag`, { reason: REASON });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/evaluations/${id}`);
    const page = await (await ana.get(`/evaluations/${id}`)).text();
    expect(page).toContain('Sent to your instructor.');
    expect(page).toContain('You flagged this feedback');
    expect(page).not.toContain(`action="/evaluations/${id}/flag"`);
    expect(row(t.db, 'select reason, resolved_at from flags where evaluation_id = ?', id)).toEqual({ reason: REASON, resolved_at: null });

    // Still shown to the student (a flag does not hide an immediate result); the queue lists it.
    expect((await (await ana.get(`/evaluations/${id}`, { accept: 'application/json' })).json()).result).toBeDefined();
    const queue = await (await admin.get('/admin/reviews')).text();
    expect(queue).toContain(`href="/admin/reviews/${id}"`);
    expect(queue).toContain(REASON);

    const values = (await (await admin.get(`/admin/reviews/${id}`, { accept: 'application/json' })).json()).values;
    const fields: Record<string, string> = { note: 'I re-read it: the summary is there, the score stands.', action: 'release' };
    for (const [k, s] of Object.entries(values.scores as Record<string, string>)) fields[`score_${k}`] = s;
    expect((await admin.post(`/admin/reviews/${id}`, fields)).status).toBe(303);

    expect(row<{ r: number | null }>(t.db, 'select resolved_at as r from flags where evaluation_id = ?', id)!.r).not.toBeNull();
    expect(await (await admin.get('/admin/reviews')).text()).not.toContain(`href="/admin/reviews/${id}"`);
    const after = await (await ana.get(`/evaluations/${id}`)).text();
    expect(after).toContain('Your instructor answered your flag.');
    expect(after).toContain('I re-read it: the summary is there, the score stands.');
    expect(row(t.db, 'select release from evaluations where id = ?', id)).toEqual({ release: 'released' });
    expect(count(t.db, 'review_scores')).toBe(0);
  });
});
