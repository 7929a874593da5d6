import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { publishCheck } from '../src/config-versions/publish-gate.ts';
import { createAccount, useAdminApp, signedIn, waitForEvaluation, type Client, type TestApp } from './helpers/app.ts';
import { insertCalibrationRun, publishCalibrated, saveAndPublish } from './helpers/calibration-runs.ts';
import { count, row, rows } from './helpers/db.ts';
import { SAMPLE_MEMO } from './helpers/outputs.ts';

const CONFIG_DIR = join(import.meta.dirname, '../config');
const RUBRIC = readFileSync(join(CONFIG_DIR, 'rubric.yaml'), 'utf8');
const AUTH = readFileSync(join(CONFIG_DIR, 'auth.yaml'), 'utf8');
const PROMPT = readFileSync(join(CONFIG_DIR, 'prompt.yaml'), 'utf8');
const renamed = (name: string) => RUBRIC.replace('name: Structure and executive summary', `name: ${name}`);

let t: TestApp;
let bo: Client;
useAdminApp((s) => ({ t, admin: bo } = s));

type VersionRow = { version: number; status: string; published_version: number | null; note: string; hash: string; yaml: string };
const version = (name: string, v: number) => row<VersionRow>(t.db, 'select * from config_versions where name = ? and version = ?', name, v);
const audit = () => rows<{ action: string; target: string; details: string }>(t.db, 'select action, target, details from audit_log order by id');
const drafts = { rubric: (v: number) => ({ name: 'rubric' as const, version: v }) };

/** Saves a rubric draft from the editor; returns its version number. */
async function saveDraft(yaml = renamed('Bottom line up front'), note = 'Plainer name'): Promise<number> {
  const res = await bo.post('/admin/config/rubric', { yaml, note });
  expect(res.status).toBe(303);
  const m = /^\/admin\/config\/rubric\/drafts\/(\d+)$/.exec(res.headers.get('location') ?? '');
  expect(m).not.toBeNull();
  return Number(m![1]);
}

async function evaluateMemo() {
  const res = await t.client().post('/submissions', { text: SAMPLE_MEMO });
  const id = Number(res.headers.get('location')!.split('/').pop());
  expect(await waitForEvaluation(t, id)).toBe('done');
  return row<{ result_json: string; rubric_version: string }>(t.db, 'select result_json, rubric_version from evaluations where id = ?', id)!;
}

const publish = (v: number, fields: Record<string, string> = {}) => bo.post(`/admin/config/rubric/drafts/${v}/publish`, fields);

describe('save as draft', () => {
  it('stores a draft, audited config.draft, and changes neither the config in force nor the next evaluation', async () => {
    const before = t.config.current;
    const v = await saveDraft();
    expect(version('rubric', v)).toMatchObject({ status: 'draft', published_version: null, note: 'Plainer name' });
    expect(t.config.current).toBe(before);
    expect(t.config.current.sources.rubric).toBe(0);
    expect(audit()).toEqual([{ action: 'config.draft', target: 'rubric', details: JSON.stringify({ version: v, note: 'Plainer name' }) }]);
    const ev = await evaluateMemo();
    expect(ev.result_json).toContain('Structure and executive summary');
    expect(ev.rubric_version).toBe(before.versions.rubric);

    const page = await (await bo.get(`/admin/config/rubric/drafts/${v}`)).text();
    expect(page).toContain(`Saved rubric.yaml as draft v${v}. It is not in force`);
    expect(page).toContain('Draft: not in force. Evaluations use shipped file.');
    expect(page).toMatch(/<tr class="diff-add">.*?name: Bottom line up front<\/td><\/tr>/);
    const index = await (await bo.get('/admin/config')).text();
    expect(index).toContain('<strong>In force:</strong> shipped file');
    expect(index).toContain(`v${v} (draft)`);
    expect(index).toContain(`href="/admin/config/rubric/drafts/${v}"`);
    expect((await bo.get('/admin/config/rubric')).status).toBe(200);
    expect(await (await bo.get('/admin/config/rubric')).text()).toContain('Save as draft');
  });

  it('keeps the text on a 422 and says plainly when nothing changed', async () => {
    const bad = await bo.post('/admin/config/rubric', { yaml: RUBRIC.replace('weight: 20', 'weight: 30'), note: 'Heavier' });
    expect(bad.status).toBe(422);
    const html = await bad.text();
    expect(html).toContain('weights must sum to 100');
    expect(html).toContain('weight: 30');
    const same = await bo.post('/admin/config/rubric', { yaml: `# a comment\n${RUBRIC}`, note: 'No-op' });
    expect(same.status).toBe(422);
    expect(await same.text()).toContain('Nothing changed');
    expect(count(t.db, 'config_versions')).toBe(0);
  });

  it('allows several drafts; a published version page redirects drafts to their page; unknown drafts are 404', async () => {
    const a = await saveDraft(renamed('One'), 'First idea');
    const b = await saveDraft(renamed('Two'), 'Second idea');
    expect([a, b]).toEqual([1, 2]);
    expect((await bo.get(`/admin/config/rubric/drafts/${b}`)).status).toBe(200);
    expect((await bo.get('/admin/config/rubric/drafts/9')).status).toBe(404);
    expect((await bo.get('/admin/config/rubric/drafts/x')).status).toBe(404);
    expect((await bo.get('/admin/config/secrets/drafts/1')).status).toBe(404);
    const redirect = await bo.get(`/admin/config/rubric/versions/${a}`);
    expect(redirect.status).toBe(302);
    expect(redirect.headers.get('location')).toBe(`/admin/config/rubric/drafts/${a}`);
    expect((await bo.post(`/admin/config/rubric/versions/${a}/rollback`, {})).status).toBe(404);
  });

  it('auth.yaml still saves directly and is in force at once', async () => {
    const res = await bo.post('/admin/config/auth', { yaml: AUTH.replace('admin_idle_hours: 12', 'admin_idle_hours: 10'), note: 'Shorter admin sessions' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/admin/config');
    expect(version('auth', 1)).toMatchObject({ status: 'published' });
    expect(t.config.current.sources.auth).toBe(1);
    expect(audit().map((a) => a.action)).toEqual(['config.save']);
    expect(await (await bo.get('/admin/config/auth')).text()).toContain('Save as a new version');
  });

  it('a rollback of the rubric creates a draft, not a version in force', async () => {
    const v1 = await saveDraft();
    await publishCalibrated(t, bo, 'rubric', v1);
    expect(t.config.current.sources.rubric).toBe(2);
    const res = await bo.post('/admin/config/rubric/versions/0/rollback', { note: 'Back to shipped' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/admin/config/rubric/drafts/3');
    expect(version('rubric', 3)).toMatchObject({ status: 'draft', note: 'Rollback to v0 (the shipped file): Back to shipped', yaml: RUBRIC });
    expect(t.config.current.sources.rubric).toBe(2);
    expect(audit().at(-1)).toMatchObject({ action: 'config.draft', details: JSON.stringify({ version: 3, note: 'Rollback to v0 (the shipped file): Back to shipped', from: 0 }) });
  });
});

describe('discard', () => {
  it('marks the draft discarded (audited); it stays viewable, marked, with no actions', async () => {
    const v = await saveDraft();
    const res = await bo.post(`/admin/config/rubric/drafts/${v}/discard`);
    expect(res.status).toBe(303);
    expect(version('rubric', v)!.status).toBe('discarded');
    expect(audit().at(-1)).toMatchObject({ action: 'config.discard', details: JSON.stringify({ version: v }) });
    const page = await (await bo.get(`/admin/config/rubric/drafts/${v}`)).text();
    expect(page).toContain('Discarded: never in force');
    expect(page).not.toContain('Publish this draft');
    expect(await (await bo.get('/admin/config')).text()).toContain(`v${v} (discarded draft)`);
    const again = await publish(v, { override: '1', override_note: 'please' });
    expect(again.status).toBe(409);
    expect(await again.text()).toContain('It was discarded');
    const twice = await bo.post(`/admin/config/rubric/drafts/${v}/discard`);
    expect(twice.status).toBe(409);
    expect(await twice.text()).toContain(`Draft v${v} was not discarded`);
    expect(audit().filter((a) => a.action === 'config.discard')).toHaveLength(1);
    expect(t.config.current.sources.rubric).toBe(0);
  });
});

describe('the publish gate', () => {
  async function expectRefused(v: number, reason: string) {
    const auditBefore = audit().length;
    const res = await publish(v);
    expect(res.status).toBe(409);
    const html = await res.text();
    expect(html).toContain('Verdict: publishing is refused.');
    expect(html).toContain(reason);
    expect(html).toContain('Publish anyway');
    expect(t.config.current.sources.rubric).toBe(0);
    expect(count(t.db, "config_versions where status = 'published'")).toBe(0);
    expect(version('rubric', v)!.published_version).toBeNull();
    expect(audit().length).toBe(auditBefore);
  }

  it('refuses without a finished draft run, and shows the calibrate form', async () => {
    const v = await saveDraft();
    insertCalibrationRun(t.db, t.config, { hitRate: 0.8 });
    insertCalibrationRun(t.db, t.config, { draft: drafts.rubric(v), hitRate: null, status: 'running' });
    await expectRefused(v, 'This draft has no finished calibration run (run #2 is running): calibrate it first.');
    const page = await (await bo.get(`/admin/config/rubric/drafts/${v}`)).text();
    expect(page).toContain('<form method="post" action="/admin/calibration"');
    expect(page).toContain(`<input type="hidden" name="draft" value="rubric:${v}"/>`);
    expect(page).toContain('<input type="hidden" name="assignment" value="memo"/>');
    expect(page).toContain('<input type="hidden" name="samples" value="3"/>');
    expect(page).toContain('Calibrate this draft');
    expect(page).toContain('is running: 2 of 18 readings done');
  });

  it('refuses without a baseline, and offers to calibrate the published config', async () => {
    const v = await saveDraft();
    insertCalibrationRun(t.db, t.config, { draft: drafts.rubric(v), hitRate: 0.9 });
    await expectRefused(v, 'The published config has no finished calibration run');
    const page = await (await bo.get(`/admin/config/rubric/drafts/${v}`)).text();
    expect(page).toContain('Calibrate the published config');
  });

  it('refuses with an outdated baseline: other anchors, or other config versions', async () => {
    const v = await saveDraft();
    const old = insertCalibrationRun(t.db, t.config, { hitRate: 0.8, versions: { ...t.config.current.versions, prompt: 'an-older-prompt' } });
    const draftRun = insertCalibrationRun(t.db, t.config, { draft: drafts.rubric(v), hitRate: 0.9 });
    await expectRefused(v, `The baseline is outdated: published run #${old} was made with other config versions than those in force now.`);
    const otherAnchors = insertCalibrationRun(t.db, t.config, { hitRate: 0.8, anchorsHash: 'anchors-old' });
    await expectRefused(v, `The baseline is outdated: published run #${otherAnchors} read other anchors than draft run #${draftRun}`);
    insertCalibrationRun(t.db, t.config, { hitRate: 0.8 });
    expect(publishCheck(t.db, t.config, drafts.rubric(v))).toMatchObject({ allowed: true, reasons: [], baselineProblem: undefined });
  });

  it('refuses a drop beyond the tolerance, with both hit rates and the tolerance', async () => {
    const v = await saveDraft();
    insertCalibrationRun(t.db, t.config, { hitRate: 0.85 });
    insertCalibrationRun(t.db, t.config, { draft: drafts.rubric(v), hitRate: 0.75 });
    await expectRefused(v, 'The hit rate drops from 85.0% to 75.0% (10.0 percentage points), more than the tolerance of 5.0 percentage points (llm.yaml calibration.tolerance).');
  });

  it('publishes within the tolerance: a new published version in force, the draft marked, audited with the hit rates', async () => {
    const v = await saveDraft();
    const base = insertCalibrationRun(t.db, t.config, { hitRate: 0.85, costUsd: 0.1 });
    const run = insertCalibrationRun(t.db, t.config, { draft: drafts.rubric(v), hitRate: 0.8, costUsd: 0.15 });
    const page = await (await bo.get(`/admin/config/rubric/drafts/${v}`)).text();
    expect(page).toContain('Verdict: publishing is allowed.');
    expect(page).toContain(`<a href="/admin/calibration/${base}">Run #${base}</a>`);
    expect(page).toContain(`<a href="/admin/calibration/${run}">Run #${run}</a>`);
    expect(page).toMatch(/Hit rate \(checks whose median is inside the expected range: each anchor’s overall and criteria\)<\/th><td class="num">85\.0%<\/td><td class="num">80\.0%<\/td><td class="num">-5\.0 points<\/td>/);
    expect(page).toContain('+$0.0500');
    expect(page).not.toContain('Publish anyway');

    const res = await publish(v);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/admin/config');
    expect(version('rubric', v + 1)).toMatchObject({ status: 'published', note: `Published draft v${v}: Plainer name`, yaml: renamed('Bottom line up front') });
    expect(version('rubric', v)).toMatchObject({ status: 'draft', published_version: v + 1 });
    expect(t.config.current.sources.rubric).toBe(v + 1);
    expect(audit().at(-1)).toEqual({
      action: 'config.publish',
      target: 'rubric',
      details: JSON.stringify({ version: v + 1, note: `Published draft v${v}: Plainer name`, draft: v, draftRun: run, draftHitRate: 0.8, publishedRun: base, publishedHitRate: 0.85, tolerance: 0.05 }),
    });
    expect(await (await bo.get('/admin/config')).text()).toContain(`Published rubric.yaml draft v${v} as version ${v + 1}`);
    expect((await evaluateMemo()).result_json).toContain('Bottom line up front');
    const after = await (await bo.get(`/admin/config/rubric/drafts/${v}`)).text();
    expect(after).toContain(`Published as <a href="/admin/config/rubric/versions/${v + 1}">v${v + 1}</a>`);
    expect((await publish(v)).status).toBe(409);
  });

  it('refuses a draft whose run predates a change to another config in force', async () => {
    const b = await saveDraft(renamed('Two'), 'Second idea');
    const run = insertCalibrationRun(t.db, t.config, { draft: drafts.rubric(b), hitRate: 0.9 });
    await saveAndPublish(t, bo, 'prompt', PROMPT.replace('Be rigorous, fair, and specific.', 'Be rigorous, fair, specific and brief.'), 'Briefer');
    insertCalibrationRun(t.db, t.config, { hitRate: 0.8 });
    const res = await publish(b);
    expect(res.status).toBe(409);
    expect(await res.text()).toContain(`The config in force changed since draft run #${run}: calibrate the draft again`);
    expect(t.config.current.sources.rubric).toBe(0);
  });

  it('a draft whose text is already in force: a clear message, nothing published', async () => {
    const v = await saveDraft();
    const w = await saveDraft(renamed('Bottom line up front'), 'Same again');
    await publishCalibrated(t, bo, 'rubric', v);
    insertCalibrationRun(t.db, t.config, { hitRate: 0.8 });
    insertCalibrationRun(t.db, t.config, { draft: drafts.rubric(w), hitRate: 0.8 });
    const res = await publish(w);
    expect(res.status).toBe(409);
    expect(await res.text()).toContain('Its text is what is in force already');
    expect(count(t.db, "config_versions where status = 'published'")).toBe(1);
  });
});

describe('publish anyway', () => {
  it('publishes a refused draft with the override note, audited with the note and both hit rates', async () => {
    const v = await saveDraft();
    insertCalibrationRun(t.db, t.config, { hitRate: 0.9 });
    insertCalibrationRun(t.db, t.config, { draft: drafts.rubric(v), hitRate: 0.6 });
    const res = await publish(v, { override: '1', override_note: '  The anchors expect the old names; ranges are updated next.  ' });
    expect(res.status).toBe(303);
    expect(t.config.current.sources.rubric).toBe(v + 1);
    const entry = audit().at(-1)!;
    expect(entry.action).toBe('config.publish_override');
    expect(JSON.parse(entry.details)).toMatchObject({ overrideNote: 'The anchors expect the old names; ranges are updated next.', draftHitRate: 0.6, publishedHitRate: 0.9, refusedBecause: [expect.stringContaining('drops from 90.0% to 60.0%')] });
  });

  it('without a note, or with one over 500 characters: 422, nothing published', async () => {
    const v = await saveDraft();
    insertCalibrationRun(t.db, t.config, { draft: drafts.rubric(v), hitRate: 0.6 });
    const empty = await publish(v, { override: '1', override_note: '   ' });
    expect(empty.status).toBe(422);
    const html = await empty.text();
    expect(html).toContain('id="override-note-error"');
    expect(html).toContain('Say why you publish despite the calibration');
    const long = await publish(v, { override: '1', override_note: 'x'.repeat(501) });
    expect(long.status).toBe(422);
    expect(t.config.current.sources.rubric).toBe(0);
    expect(audit().map((a) => a.action)).toEqual(['config.draft']);
  });
});

describe('drafts never grade memos', () => {
  it('an assignment cannot pin a draft: not offered, and a posted draft number is 422', async () => {
    const v = await saveDraft();
    const form = await (await bo.get('/admin/assignments')).text();
    expect(form).not.toContain(`<option value="${v}"`);
    const res = await bo.post('/admin/assignments', { title: 'Pricing memo', slug: 'pricing', context: '', release: 'immediate', open: 'on', rubric_version: String(v), prompt_version: '' });
    expect(res.status).toBe(422);
    expect(await res.text()).toContain('That version is a draft, not published');
    expect(count(t.db, 'assignments', "slug = 'pricing'")).toBe(0);
    await publishCalibrated(t, bo, 'rubric', v);
    expect(await (await bo.get('/admin/assignments')).text()).toContain(`<option value="${v + 1}"`);
  });

  it('a fresh store at start-up ignores drafts', async () => {
    await saveDraft();
    t.config.loadFromDatabase(t.db);
    expect(t.config.current.sources.rubric).toBe(0);
  });
});

describe('who may', () => {
  it('instructors and students get 403 on every draft route; nothing changes', async () => {
    const v = await saveDraft();
    insertCalibrationRun(t.db, t.config, { hitRate: 0.8 });
    insertCalibrationRun(t.db, t.config, { draft: drafts.rubric(v), hitRate: 0.8 });
    await createAccount(t, { username: 'cy-instructor', password: 'cy-instructor-pass-1', role: 'instructor' });
    const cy = t.client();
    expect((await cy.post('/login', { username: 'cy-instructor', password: 'cy-instructor-pass-1' })).status).toBe(303);
    const ana = await signedIn(t, 'ana-student');
    for (const who of [cy, ana]) {
      expect((await who.get(`/admin/config/rubric/drafts/${v}`)).status).toBe(403);
      expect((await who.post(`/admin/config/rubric/drafts/${v}/publish`)).status).toBe(403);
      expect((await who.post(`/admin/config/rubric/drafts/${v}/publish`, { override: '1', override_note: 'me' })).status).toBe(403);
      expect((await who.post(`/admin/config/rubric/drafts/${v}/discard`)).status).toBe(403);
      expect((await who.post('/admin/config/rubric', { yaml: renamed('X'), note: 'x' })).status).toBe(403);
    }
    expect(version('rubric', v)).toMatchObject({ status: 'draft', published_version: null });
    expect(t.config.current.sources.rubric).toBe(0);
  });
});
