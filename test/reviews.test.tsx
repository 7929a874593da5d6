import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EvaluationResult } from '../src/evaluations/result.ts';
import { ORIGIN, createAccount, makeTestApp, signedIn, waitForEvaluation, type Client, type TestApp } from './helpers/app.ts';
import { count, row } from './helpers/db.ts';
import { SAMPLE_MEMO } from './helpers/outputs.ts';
import { insertAssignment, submitTo, userId } from './helpers/reviews.ts';

let t: TestApp;
let admin: Client;
let ana: Client;
beforeEach(async () => {
  t = makeTestApp();
  admin = await signedIn(t, 'bo-admin');
  ana = await signedIn(t, 'ana-student');
});
afterEach(async () => {
  await t.close();
});

const json = async (c: Client, path: string) => (await c.get(path, { accept: 'application/json' })).json();
const aiResult = (id: number) => JSON.parse(row<{ r: string }>(t.db, 'select result_json as r from evaluations where id = ?', id)!.r) as EvaluationResult;
/** Every trace of a result a page could show: the AI's justifications and its overall as the page prints it. */
const traces = (r: EvaluationResult) => [...r.criteria.map((c) => c.justification), `overall-number">${r.overall.toFixed(1)}`, 'overall-number'];

/** The review form's current values (saved override, else the AI's) as fields to post. */
async function formFields(id: number): Promise<Record<string, string>> {
  const v = (await json(admin, `/admin/reviews/${id}`)).values as { scores: Record<string, string>; comments: Record<string, string>; note: string };
  const fields: Record<string, string> = { note: v.note };
  for (const [k, s] of Object.entries(v.scores)) Object.assign(fields, { [`score_${k}`]: s, [`comment_${k}`]: v.comments[k] ?? '' });
  return fields;
}

/** Ana revises the memo of evaluation `id` with a plain post; returns the revision's evaluation id once done. */
async function revise(id: number): Promise<number> {
  const parentSubmission = row<{ s: number }>(t.db, 'select submission_id as s from evaluations where id = ?', id)!.s;
  const rev = await ana.post('/submissions', { text: `${SAMPLE_MEMO}\nRevised ${id}.`, parent: String(parentSubmission) });
  const revId = Number(rev.headers.get('location')!.split('/').pop());
  await waitForEvaluation(t, revId);
  return revId;
}

describe('review before release', () => {
  it('shows no score anywhere before release, then the instructor’s final result', async () => {
    const assignment = { id: insertAssignment(t, { slug: 'board-memo', release: 'review' }), release: 'review' as const };
    const id = await submitTo(t, userId(t, 'ana-student'), assignment, SAMPLE_MEMO);
    expect(row(t.db, 'select status, release from evaluations where id = ?', id)).toEqual({ status: 'done', release: 'pending' });
    const ai = aiResult(id);

    // The result page, its JSON, the history and its JSON: nothing of the AI's scores.
    const page = await (await ana.get(`/evaluations/${id}`)).text();
    expect(page).toContain('waiting for your instructor');
    for (const s of traces(ai)) expect(page).not.toContain(s);
    const pageJson = await json(ana, `/evaluations/${id}`);
    expect(pageJson).toMatchObject({ status: 'done', release: 'pending_review' });
    expect(pageJson).not.toHaveProperty('result');
    for (const c of ai.criteria) expect(JSON.stringify(pageJson)).not.toContain(c.justification);
    const history = await (await ana.get('/history')).text();
    expect(history).toContain('Awaiting review');
    expect(history).not.toContain(`${ai.overall.toFixed(1)} · ${ai.band}`);
    expect(history).not.toContain('progress-title');
    const historyJson = await json(ana, '/history');
    expect(historyJson.entries[0]).toMatchObject({ evaluationId: id, overall: null, band: null, resultJson: null, scores: {}, release: 'pending_review' });

    // A revision stays in its parent's assignment, so it is held for review too.
    const revId = await revise(id);
    const revJson = await json(ana, `/evaluations/${revId}`);
    expect(revJson).toMatchObject({ release: 'pending_review' });
    expect(revJson).not.toHaveProperty('result');

    // The queue lists it; an invalid score is refused with the values kept and nothing saved.
    expect(await (await admin.get('/admin/reviews')).text()).toContain(`href="/admin/reviews/${id}"`);
    const first = ai.criteria[0]!;
    const fields = await formFields(id);
    const bad = await admin.post(`/admin/reviews/${id}`, { ...fields, [`score_${first.id}`]: String(ai.scale.max + 1), [`comment_${first.id}`]: 'Kept comment text', action: 'save' });
    expect(bad.status).toBe(422);
    const badHtml = await bad.text();
    expect(badHtml).toContain(`Choose a whole number from ${ai.scale.min} to ${ai.scale.max}.`);
    expect(badHtml).toContain('Kept comment text');
    expect(count(t.db, 'reviews') + count(t.db, 'review_scores') + count(t.db, 'audit_log', "action like 'review.%'")).toBe(0);
    const notInt = await admin.post(`/admin/reviews/${id}`, { ...fields, [`score_${first.id}`]: '2.5', action: 'release' });
    expect(notInt.status).toBe(422);

    // Save one changed criterion with a comment: stored apart, still hidden.
    const newScore = first.score === ai.scale.max ? first.score - 1 : first.score + 1;
    const change = { [`score_${first.id}`]: String(newScore), [`comment_${first.id}`]: 'Your figures need a source.', note: 'Good structure overall.' };
    const saved = await admin.post(`/admin/reviews/${id}`, { ...fields, ...change, action: 'save' });
    expect(saved.status).toBe(303);
    expect(saved.headers.get('location')).toBe(`/admin/reviews/${id}`);
    expect(count(t.db, 'review_scores', 'evaluation_id = ?', id)).toBe(1);
    expect(row(t.db, 'select note, final_json from reviews where evaluation_id = ?', id)).toEqual({ note: 'Good structure overall.', final_json: null });
    expect(await json(ana, `/evaluations/${id}`)).not.toHaveProperty('result');
    expect(await (await ana.get(`/evaluations/${id}`)).text()).not.toContain('Your figures need a source.');

    // Release: the student sees the final result, recomputed here independently.
    const released = await admin.post(`/admin/reviews/${id}`, { ...(await formFields(id)), action: 'release' });
    expect(released.status).toBe(303);
    expect(released.headers.get('location')).toBe('/admin/reviews');
    const scores = ai.criteria.map((c) => (c.id === first.id ? newScore : c.score));
    const weights = ai.criteria.map((c) => c.weight);
    const expected = Math.round((scores.reduce((s, x, i) => s + x * weights[i]!, 0) * 10) / weights.reduce((a, b) => a + b, 0)) / 10;
    const expectedBand = t.config.current.files.rubric.bands.find((b) => expected >= b.min)!.label;

    const after = await json(ana, `/evaluations/${id}`);
    expect(after).toMatchObject({ release: 'released', reviewed: true, review: { note: 'Good structure overall.' } });
    expect(after.result.overall).toBe(expected);
    expect(after.result.band).toBe(expectedBand);
    expect(after.result.criteria[0]).toMatchObject({ id: first.id, score: newScore, instructorComment: 'Your figures need a source.' });
    expect(after.result.criteria[1]).not.toHaveProperty('instructorComment');
    const afterHtml = await (await ana.get(`/evaluations/${id}`)).text();
    expect(afterHtml).toContain(`overall-number">${expected.toFixed(1)}`);
    expect(afterHtml).toContain('Adjusted by your instructor');
    expect(afterHtml).toContain('Your figures need a source.');
    expect(afterHtml).toContain('Good structure overall.');
    expect((await json(ana, '/history')).entries.find((e: { evaluationId: number }) => e.evaluationId === id)).toMatchObject({ overall: expected, release: 'released', reviewed: true });

    // The AI's result is untouched; admin JSON carries both.
    expect(aiResult(id)).toEqual(ai);
    expect(row(t.db, 'select overall, band from evaluations where id = ?', id)).toEqual({ overall: ai.overall, band: ai.band });
    const adminJson = await json(admin, `/admin/evaluations/${id}`);
    expect(adminJson.ai).toEqual(ai);
    expect(adminJson.final).toMatchObject({ overall: expected, band: expectedBand });
    expect(await (await admin.get(`/admin/evaluations/${id}`)).text()).toContain('Final result (released to the student)');
    expect(count(t.db, 'audit_log', "action = 'review.save' and target = ?", `evaluation ${id}`)).toBe(1);
    expect(count(t.db, 'audit_log', "action = 'review.release' and target = ?", `evaluation ${id}`)).toBe(1);
    expect(await (await admin.get('/admin/reviews')).text()).not.toContain(`href="/admin/reviews/${id}"`);

    // A revision released while its parent is still held must not reveal the parent's scores by comparison.
    const heldParent = await submitTo(t, userId(t, 'ana-student'), assignment, `${SAMPLE_MEMO}\nAnother draft.`);
    const releasedRevision = await revise(heldParent);
    expect((await admin.post(`/admin/reviews/${releasedRevision}`, { ...(await formFields(releasedRevision)), action: 'release' })).status).toBe(303);
    const revisionJson = await json(ana, `/evaluations/${releasedRevision}`);
    expect(revisionJson.result).toBeDefined();
    expect(revisionJson.revisionOf).toBeNull();
    expect(await (await ana.get(`/evaluations/${releasedRevision}`)).text()).not.toContain('revision-title');
  });

  it('admin JSON has final null before release', async () => {
    const assignment = { id: insertAssignment(t, { slug: 'q', release: 'review' }), release: 'review' as const };
    const id = await submitTo(t, userId(t, 'ana-student'), assignment, SAMPLE_MEMO);
    const j = await json(admin, `/admin/evaluations/${id}`);
    expect(j.ai).toEqual(aiResult(id));
    expect(j.final).toBeNull();
  });
});

describe('instructor scoping', () => {
  it('shows an instructor only their assignments’ reviews and evaluations; 404 elsewhere; students 403', async () => {
    const cy = await createAccount(t, { username: 'cy-instructor', password: 'cy-instructor-pass-1', role: 'instructor' });
    const theirs = { id: insertAssignment(t, { slug: 'cy-memo', release: 'review', ownerId: cy }), release: 'review' as const };
    const others = { id: insertAssignment(t, { slug: 'other-memo', release: 'review' }), release: 'review' as const };
    const ana_ = userId(t, 'ana-student');
    const mine = await submitTo(t, ana_, theirs, SAMPLE_MEMO);
    const notMine = await submitTo(t, ana_, others, `${SAMPLE_MEMO}\nOther.`);
    const cyc = t.client();
    expect((await cyc.post('/login', { username: 'cy-instructor', password: 'cy-instructor-pass-1' })).status).toBe(303);

    const queue = await (await cyc.get('/admin/reviews')).text();
    expect(queue).toContain(`href="/admin/reviews/${mine}"`);
    expect(queue).not.toContain(`href="/admin/reviews/${notMine}"`);
    expect((await json(cyc, '/admin/reviews')).rows.map((r: { id: number }) => r.id)).toEqual([mine]);
    expect((await json(cyc, '/admin/evaluations')).rows.map((r: { id: number }) => r.id)).toEqual([mine]);
    const csv = (await (await cyc.get('/admin/evaluations.csv')).text()).trim().split('\n');
    expect(csv).toHaveLength(2);
    expect((await json(admin, '/admin/evaluations')).rows.map((r: { id: number }) => r.id)).toEqual(expect.arrayContaining([mine, notMine]));

    expect((await cyc.get(`/admin/reviews/${mine}`)).status).toBe(200);
    expect((await cyc.get(`/admin/evaluations/${mine}`)).status).toBe(200);
    expect((await cyc.get(`/admin/reviews/${notMine}`)).status).toBe(404);
    expect((await cyc.get(`/admin/evaluations/${notMine}`)).status).toBe(404);
    const post = await cyc.request(`/admin/reviews/${notMine}`, { method: 'POST', body: new URLSearchParams({ action: 'release' }), headers: { origin: ORIGIN } });
    expect(post.status).toBe(404);
    expect(row(t.db, 'select release from evaluations where id = ?', notMine)).toEqual({ release: 'pending' });

    expect((await ana.get('/admin/reviews')).status).toBe(403);
    expect((await ana.get(`/admin/reviews/${mine}`)).status).toBe(403);
  });
});
