import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EvaluationResult } from '../src/evaluations/result.ts';
import { makeTestApp, signedIn, waitForEvaluation, type Client, type TestApp } from './helpers/app.ts';
import { row } from './helpers/db.ts';
import { SAMPLE_MEMO } from './helpers/outputs.ts';

// Issue 14's "done means", end to end through the real forms (plain posts: no JavaScript): a new
// instructor creates a review-before-release assignment, a student answers it, nothing of the
// score reaches the student until the instructor changes one criterion and releases it.

let t: TestApp;
let admin: Client;
let cy: Client;
let student: Client;
let assignmentId: number;
let evaluationId: number;

const json = async (c: Client, path: string) => (await c.get(path, { accept: 'application/json' })).json();
const idFrom = (res: Response) => Number(res.headers.get('location')!.split('/').pop());
const signIn = async (username: string, password: string) => {
  const c = t.client();
  const res = await c.post('/login', { username, password });
  expect(res.status, `sign in as ${username}`).toBe(303);
  return c;
};

beforeAll(async () => {
  t = makeTestApp();
  admin = await signedIn(t, 'bo-admin');
  // The admin creates two instructor accounts with the real form; they sign in with them.
  for (const username of ['cy-instructor', 'di-instructor']) {
    const res = await admin.post('/admin/users', { username, role: 'instructor', password: `${username}-pass-1` });
    expect(res.status, `create ${username}`).toBeLessThan(400);
    t.db.$client.prepare('update users set must_change_password = 0 where username = ?').run(username);
  }
  cy = await signIn('cy-instructor', 'cy-instructor-pass-1');
  student = t.client(); // open mode: an anonymous writer, as a student without an account
});
afterAll(async () => {
  await t.close();
});

describe('an instructor in the loop', () => {
  it('creates an assignment that holds results for review', async () => {
    const res = await cy.post('/admin/assignments', {
      title: 'Q3 pricing memo',
      slug: 'q3-pricing',
      context: 'Northwind Foods, the CFO as reader: decide whether to raise list prices 4% in Q3.',
      release: 'review',
      open: 'on',
    });
    expect(res.status).toBe(303);
    assignmentId = idFrom(res);
    expect(row(t.db, 'select slug, release, open, owner_id as owner from assignments where id = ?', assignmentId)).toEqual({
      slug: 'q3-pricing',
      release: 'review',
      open: 1,
      owner: row<{ id: string }>(t.db, "select id from users where username = 'cy-instructor'")!.id,
    });
  });

  it('lets a student submit at /a/<slug> with a plain form, and shows no score before release', async () => {
    const form = await (await student.get('/a/q3-pricing')).text();
    expect(form).toContain('Q3 pricing memo');
    expect(form).toMatch(/<input[^>]*type="hidden"[^>]*name="assignment"[^>]*value="q3-pricing"|<input[^>]*name="assignment"[^>]*type="hidden"[^>]*value="q3-pricing"/);
    const res = await student.post('/submissions', { text: SAMPLE_MEMO, assignment: 'q3-pricing' });
    expect(res.status).toBe(303);
    evaluationId = idFrom(res);
    expect(await waitForEvaluation(t, evaluationId)).toBe('done');
    const ai = JSON.parse(row<{ r: string }>(t.db, 'select result_json as r from evaluations where id = ?', evaluationId)!.r) as EvaluationResult;

    const page = await (await student.get(`/evaluations/${evaluationId}`)).text();
    expect(page).toContain('waiting for your instructor');
    for (const c of ai.criteria) expect(page).not.toContain(c.justification);
    expect(page).not.toContain('overall-number');
    const body = await json(student, `/evaluations/${evaluationId}`);
    expect(body).toMatchObject({ status: 'done', release: 'pending_review' });
    expect(body).not.toHaveProperty('result');
    const history = JSON.stringify(await json(student, '/history'));
    for (const c of ai.criteria) expect(history).not.toContain(c.justification);
  });

  it('shows the instructor’s changed score, comment and recomputed overall after release; the AI original stays for staff', async () => {
    const ai = JSON.parse(row<{ r: string }>(t.db, 'select result_json as r from evaluations where id = ?', evaluationId)!.r) as EvaluationResult;
    const queue = await (await cy.get('/admin/reviews')).text();
    expect(queue).toContain(`/admin/reviews/${evaluationId}`);

    const target = ai.criteria[0]!;
    const changed = target.score === 5 ? 3 : target.score + 1;
    const fields: Record<string, string> = { note: 'Good start; see my comment on structure.' };
    for (const c of ai.criteria) fields[`score_${c.id}`] = String(c.id === target.id ? changed : c.score);
    fields[`comment_${target.id}`] = 'Your recommendation is in the second paragraph: lead with it.';
    expect((await cy.post(`/admin/reviews/${evaluationId}`, { ...fields, action: 'save' })).status).toBe(303);
    expect(await json(student, `/evaluations/${evaluationId}`)).not.toHaveProperty('result');
    expect((await cy.post(`/admin/reviews/${evaluationId}`, { ...fields, action: 'release' })).status).toBe(303);

    // The oracle: the weighted mean of the criterion scores, as the rubric page explains it.
    const scores = ai.criteria.map((c) => ({ weight: c.weight, score: c.id === target.id ? changed : c.score }));
    const overall = scores.reduce((s, c) => s + c.weight * c.score, 0) / scores.reduce((s, c) => s + c.weight, 0);

    const body = (await json(student, `/evaluations/${evaluationId}`)) as { reviewed: boolean; result: EvaluationResult };
    expect(body.reviewed).toBe(true);
    expect(body.result.criteria.find((c) => c.id === target.id)!.score).toBe(changed);
    expect(body.result.overall).toBeCloseTo(overall, 5);
    expect(JSON.stringify(body.result)).toContain('lead with it');
    const page = await (await student.get(`/evaluations/${evaluationId}`)).text();
    expect(page).toContain('Your recommendation is in the second paragraph: lead with it.');
    expect(page).toContain(overall.toFixed(1));

    const staff = (await json(admin, `/admin/evaluations/${evaluationId}`)) as { ai: EvaluationResult; final: EvaluationResult };
    expect(staff.ai.criteria.find((c) => c.id === target.id)!.score).toBe(target.score);
    expect(staff.ai.overall).toBe(ai.overall);
    expect(staff.final.criteria.find((c) => c.id === target.id)!.score).toBe(changed);

    // The assignment's page now counts one released review: the changed criterion disagrees by one point.
    const page2 = await (await cy.get(`/admin/assignments/${assignmentId}`)).text();
    expect(page2).toContain('Agreement and class analytics');
    const analytics = (await json(cy, `/admin/assignments/${assignmentId}/analytics`)) as { counts: { reviewed: number }; agreement: { criteria: { criterionId: string; n: number; exact: number; meanDiff: number }[] } };
    expect(analytics.counts.reviewed).toBe(1);
    expect(analytics.agreement.criteria.find((c) => c.criterionId === target.id)).toMatchObject({ n: 1, exact: 0, meanDiff: changed - target.score });
  });

  it('keeps instructors out of admin pages and other instructors’ assignments, and students out of all of it', async () => {
    for (const path of ['/admin/users', '/admin/config', '/admin/sessions', '/admin/system', '/admin/audit']) {
      expect((await cy.get(path)).status, path).toBe(403);
    }
    const di = await signIn('di-instructor', 'di-instructor-pass-1');
    for (const path of [`/admin/assignments/${assignmentId}`, `/admin/reviews/${evaluationId}`, `/admin/evaluations/${evaluationId}`, `/admin/assignments/${assignmentId}/analytics`]) {
      expect((await di.get(path)).status, path).toBe(404);
    }
    expect((await di.get('/admin/assignments')).status).toBe(200);
    expect(await (await di.get('/admin/assignments')).text()).not.toContain('q3-pricing');
    const ana = await signedIn(t, 'ana-student');
    for (const path of ['/admin', '/admin/assignments', `/admin/assignments/${assignmentId}`, '/admin/reviews', `/admin/reviews/${evaluationId}`, '/admin/evaluations']) {
      expect((await ana.get(path)).status, path).toBe(403);
    }
  });
});
