import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestApp, signedIn, waitForEvaluation, type TestApp } from './helpers/app.ts';
import { SAMPLE_MEMO } from './helpers/outputs.ts';

// A stored result that no longer reads (hand-edited row, bad restore) is a server fault on the
// student's pages: a logged 500 whose log line names the problem, never the memo. The admin detail
// page and the CSV export still show everything else.

const SECRET = 'Dana-only figure 7,340,221';
let t: TestApp;
beforeEach(() => {
  t = makeTestApp();
});
afterEach(async () => {
  await t.close();
});

/** Ana's finished evaluation, its stored result then replaced by `json`. */
async function corrupted(json: string) {
  const ana = t.client();
  const res = await ana.post('/submissions', { text: `${SAMPLE_MEMO}\n${SECRET}` });
  const id = Number(res.headers.get('location')!.split('/').pop());
  expect(await waitForEvaluation(t, id)).toBe('done');
  t.db.$client.prepare('update evaluations set result_json = ? where id = ?').run(json, id);
  return { ana, id };
}

describe('a corrupt stored result', () => {
  it('answers the evaluation page and the history with a 500 page, logged without memo text', async () => {
    const { ana, id } = await corrupted(`{"memo": "${SECRET}`);
    const page = await ana.get(`/evaluations/${id}`);
    expect(page.status).toBe(500);
    expect(await page.text()).not.toContain(SECRET);
    expect((await ana.get(`/evaluations/${id}`, { accept: 'application/json' })).status).toBe(500);
    expect((await ana.get('/history')).status).toBe(500);
    const logged = t.logs.filter((l) => l.includes('CorruptResultError'));
    expect(logged.length).toBeGreaterThanOrEqual(3);
    expect(logged[0]).toContain('stored evaluation result is corrupt: not JSON');
    expect(t.logs.join('\n')).not.toContain('Dana-only');
  });

  it('leaves the admin detail page and the CSV export working, and logs what is wrong', async () => {
    const { id } = await corrupted(JSON.stringify({ overall: SECRET }));
    const bo = await signedIn(t, 'bo-admin');
    const detail = await bo.get(`/admin/evaluations/${id}`);
    expect(detail.status).toBe(200);
    expect(await detail.text()).toContain(`Evaluation #${id}`);
    const json = await (await bo.get(`/admin/evaluations/${id}`, { accept: 'application/json' })).json();
    expect(json).toMatchObject({ id, status: 'done', result: null });
    expect(t.logs.some((l) => l.includes('stored evaluation result is corrupt') && l.includes('wrong shape at rubricName'))).toBe(true);
    expect((await bo.get('/admin/evaluations.csv')).status).toBe(200);
    expect(t.logs.join('\n')).not.toContain('Dana-only');
  });
});
