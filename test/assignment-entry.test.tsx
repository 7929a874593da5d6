import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { versionsOf } from '../src/config/index.ts';
import { buildSystemPrompt } from '../src/llm/prompt.ts';
import { useAdminApp, signedIn, waitForEvaluation, type Client, type TestApp } from './helpers/app.ts';
import { count, row } from './helpers/db.ts';
import { SAMPLE_MEMO } from './helpers/outputs.ts';
import { saveAndPublish } from './helpers/calibration-runs.ts';

const RUBRIC = readFileSync(join(import.meta.dirname, '../config/rubric.yaml'), 'utf8');

let t: TestApp;
let admin: Client;
useAdminApp((s) => ({ t, admin } = s));

const BRIEF = 'Dayton Foods is weighing a 4% price rise.\n\nThe memo goes to the CFO, who decides by Friday.';

/** Creates an assignment through the console; returns its id. */
async function assignment(slug: string, over: Record<string, string> = {}): Promise<number> {
  const fields = { title: `Assignment ${slug}`, slug, context: BRIEF, release: 'immediate', open: 'on', rubric_version: '', prompt_version: '', ...over };
  const res = await admin.post('/admin/assignments', fields);
  expect(res.status).toBe(303);
  return Number(res.headers.get('location')!.split('/').pop());
}

async function close(id: number, slug: string) {
  const res = await admin.post(`/admin/assignments/${id}`, { title: `Assignment ${slug}`, slug, context: BRIEF, release: 'immediate', rubric_version: '', prompt_version: '' });
  expect(res.status).toBe(303);
}

type EvaluationRow = { status: string; release: string; assignment_id: number; raw_prompt: string; rubric_version: string; prompt_version: string; error_message: string | null; parent_id: number | null };
const evaluation = (id: number) =>
  row<EvaluationRow>(t.db, 'select e.status, e.release, s.assignment_id, s.parent_id, e.raw_prompt, e.rubric_version, e.prompt_version, e.error_message from evaluations e join submissions s on s.id = e.submission_id where e.id = ?', id)!;

/** Posts a memo and waits for its evaluation; returns the evaluation id. */
async function submit(c: Client, fields: Record<string, string>): Promise<number> {
  const res = await c.post('/submissions', { text: SAMPLE_MEMO, ...fields });
  expect(res.status).toBe(303);
  const id = Number(res.headers.get('location')!.split('/').pop());
  await waitForEvaluation(t, id);
  return id;
}

describe('GET /a/:slug', () => {
  it('shows the memo form with the assignment’s title, brief and a hidden field naming it', async () => {
    await assignment('pricing');
    const res = await t.client().get('/a/pricing');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<h2 id="assignment-title">Assignment pricing</h2>');
    expect(html).toContain('<p>Dayton Foods is weighing a 4% price rise.</p>');
    expect(html).toContain('<input type="hidden" name="assignment" value="pricing"/>');
    expect(html).toContain('action="/submissions"');
  });

  it('says a closed assignment takes no new memos (200, with a way home), and 404s an unknown one', async () => {
    const id = await assignment('old');
    await close(id, 'old');
    const res = await t.client().get('/a/old');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('closed for new memos');
    expect(html).toContain('<a href="/">');
    expect(html).not.toContain('name="text"');
    expect((await t.client().get('/a/nothing-here')).status).toBe(404);
  });
});

describe('GET /', () => {
  it('is the default form while it is the only open assignment, then a list of the open ones', async () => {
    const before = await (await t.client().get('/')).text();
    expect(before).toContain('id="submission-form"');
    expect(before).not.toContain('name="assignment"');
    await assignment('pricing');
    const closed = await assignment('closed-one');
    await close(closed, 'closed-one');
    const html = await (await t.client().get('/')).text();
    expect(html).not.toContain('id="submission-form"');
    expect(html).toContain('<a href="/a/pricing">Assignment pricing</a>');
    expect(html).toContain('<a href="/a/memo">Business memo</a>');
    expect(html).not.toContain('/a/closed-one');
  });
});

describe('POST /submissions with an assignment', () => {
  it('stores the memo in the assignment; a review assignment holds the result (release pending)', async () => {
    const id = await assignment('reviewed', { release: 'review' });
    const ev = evaluation(await submit(t.client(), { assignment: 'reviewed' }));
    expect(ev).toMatchObject({ assignment_id: id, release: 'pending', status: 'done' });
    const plain = evaluation(await submit(t.client(), {}));
    expect(plain).toMatchObject({ assignment_id: row<{ id: number }>(t.db, "select id from assignments where slug = 'memo'")!.id, release: 'immediate' });
  });

  it('refuses a closed assignment with 409 and an unknown one with 422, the memo kept in the form', async () => {
    const id = await assignment('old');
    await close(id, 'old');
    const before = count(t.db, 'submissions');
    const closed = await t.client().post('/submissions', { text: 'My memo about <prices>', assignment: 'old' });
    expect(closed.status).toBe(409);
    const html = await closed.text();
    expect(html).toContain('is closed for new memos');
    expect(html).toContain('My memo about &lt;prices&gt;');
    const unknown = await t.client().post('/submissions', { text: 'My memo', assignment: 'nope' });
    expect(unknown.status).toBe(422);
    const body = await unknown.text();
    expect(body).toContain('There is no assignment called');
    expect(body).toContain('My memo');
    expect(body).toContain('name="assignment" value="nope"');
    const json = await t.client().post('/submissions', { text: 'My memo', assignment: 'old' }, { headers: { accept: 'application/json' } });
    expect(json.status).toBe(409);
    expect(count(t.db, 'submissions')).toBe(before);
  });

  it('files a revision under its parent’s assignment, whatever is posted', async () => {
    const id = await assignment('pricing');
    await assignment('other');
    const ana = await signedIn(t, 'ana-student');
    const first = await submit(ana, { assignment: 'pricing' });
    const parent = row<{ submission_id: number }>(t.db, 'select submission_id from evaluations where id = ?', first)!.submission_id;
    const form = await (await ana.get(`/?revise=${parent}`)).text();
    expect(form).toContain('name="assignment" value="pricing"');
    const revision = evaluation(await submit(ana, { assignment: 'other', parent: String(parent) }));
    expect(revision).toMatchObject({ assignment_id: id, parent_id: parent });
  });
});

describe('the evaluation uses its assignment', () => {
  it('puts the brief into the system prompt, and leaves the default assignment’s prompt as it was', async () => {
    await assignment('pricing');
    const { rubric, prompt } = t.config.current.files;
    const withBrief = JSON.parse(evaluation(await submit(t.client(), { assignment: 'pricing' })).raw_prompt).system as string;
    expect(withBrief).toContain(`## Assignment\n\n${BRIEF}`);
    expect(withBrief).toBe(buildSystemPrompt(prompt, rubric, BRIEF));
    const plain = JSON.parse(evaluation(await submit(t.client(), {})).raw_prompt).system as string;
    expect(plain).toBe(buildSystemPrompt(prompt, rubric));
    expect(plain).not.toContain('## Assignment');
  });

  it('runs with a pinned rubric version and records its hash', async () => {
    await saveAndPublish(t, admin, 'rubric', RUBRIC.replace('name: Business Memo Rubric', 'name: Edited Rubric'), 'Renamed');
    const live = t.config.current.versions.rubric;
    const shipped = versionsOf(t.config.base).rubric;
    expect(live).not.toBe(shipped);
    await assignment('pinned', { rubric_version: '0' });
    await assignment('follows');
    const pinned = evaluation(await submit(t.client(), { assignment: 'pinned' }));
    expect(pinned.rubric_version).toBe(shipped);
    expect(JSON.parse(pinned.raw_prompt).system).toContain('Business Memo Rubric:');
    expect(evaluation(await submit(t.client(), { assignment: 'follows' })).rubric_version).toBe(live);

    // The student is shown the rubric they are assessed with: the pinned one on its form and rubric page.
    const student = t.client();
    const form = await (await student.get('/a/pinned')).text();
    expect(form).toContain('<a href="/a/pinned/rubric">Business Memo Rubric</a>');
    expect(await (await student.get('/a/pinned/rubric')).text()).toContain('Business Memo Rubric');
    expect(await (await student.get('/a/follows')).text()).toContain('<a href="/a/follows/rubric">Edited Rubric</a>');
    expect(await (await student.get('/rubric')).text()).toContain('Edited Rubric');
    expect((await student.get('/a/nowhere/rubric')).status).toBe(404);
  });

  it('fails the evaluation clearly when a pinned version no longer validates', async () => {
    t.db.$client.prepare("insert into config_versions (name, version, yaml, hash, author_name, note, created_at) values ('rubric', 1, 'name: [broken', 'x', 'test', '', 0)").run();
    await assignment('broken', { rubric_version: '1' });
    const ev = evaluation(await submit(t.client(), { assignment: 'broken' }));
    expect(ev.status).toBe('failed');
    expect(ev.error_message).toContain('rubric.yaml v1, pinned by assignment "broken", no longer validates');
  });
});
