import { describe, expect, it } from 'vitest';
import { shippedAnchorsIn } from '../src/calibration/anchors.ts';
import { effectiveAnchors } from '../src/calibration/effective-anchors.ts';
import type { FileConfig } from '../src/config/load.ts';
import { appWithAdmin, createAccount, useAdminApp, type Client, type TestApp } from './helpers/app.ts';
import { count, row, rows } from './helpers/db.ts';

// The per-assignment anchor console through real requests: versions appended, the newest in force
// (as effectiveAnchors reads it for calibration runs), every change audited, instructors scoped.

let t: TestApp;
let admin: Client;
useAdminApp((s) => ({ t, admin } = s));

const shipped = () => shippedAnchorsIn(t.config.env.configDir);
const defaultId = () => row<{ id: number }>(t.db, "select id from assignments where slug = 'memo'")!.id;
const inForce = (assignmentId: number) => Object.fromEntries(effectiveAnchors(t.db, assignmentId, shipped()).map((a) => [a.anchor.id, a.version]));
const audits = (action: string) => rows<{ target: string; details: string }>(t.db, 'select target, details from audit_log where action = ? order by id', action);

const anchorYaml = (id: string, overall = '[2, 3.5]', extra = '') => `id: ${id}
title: A pricing memo of middling quality
tags: [adequate]
memo: |
  We should raise prices by 4% in Q3. Costs rose 6% this year.
expected:
  overall: ${overall}
  criteria:
    structure: [2, 4]${extra}
`;

describe('the anchor list', () => {
  it('shows the shipped anchors in force as "shipped", linked from the assignment page with their count', async () => {
    const a = defaultId();
    const page = await (await admin.get(`/admin/assignments/${a}`)).text();
    expect(page).toContain(`<a href="/admin/assignments/${a}/anchors">Anchor memos (${shipped().length})</a>`);
    const res = await admin.get(`/admin/assignments/${a}/anchors`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain(`<caption>Anchor memos in force: ${shipped().length} anchors</caption>`);
    expect(html).toContain(`href="/admin/assignments/${a}/anchors/strong-warehouse-automation"`);
    expect(html).toContain('<td>shipped</td>');
    expect(html).toContain(`href="/admin/assignments/${a}/anchors/new"`);
    const body = (await (await admin.get(`/admin/assignments/${a}/anchors`, { accept: 'application/json' })).json()) as { inForce: { anchor: { id: string }; version: number; misfits: string[] }[] };
    expect(body.inForce.map((x) => x.anchor.id)).toEqual(shipped().map((x) => x.id));
    expect(body.inForce.every((x) => x.version === 0 && x.misfits.length === 0)).toBe(true);
  });

  it('answers 404 for an unknown assignment or anchor', async () => {
    expect((await admin.get('/admin/assignments/9999/anchors')).status).toBe(404);
    expect((await admin.get(`/admin/assignments/${defaultId()}/anchors/no-such-anchor`)).status).toBe(404);
    expect((await admin.get(`/admin/assignments/${defaultId()}/anchors/NOT_AN_ID`)).status).toBe(404);
    expect((await admin.post(`/admin/assignments/${defaultId()}/anchors/no-such-anchor`, { yaml: anchorYaml('no-such-anchor'), note: 'x' })).status).toBe(404);
    expect((await admin.get(`/admin/assignments/${defaultId()}/anchors/weak-team-morale/versions/3`)).status).toBe(404);
  });
});

describe('creating and editing an anchor', () => {
  it('creates a new anchor as version 1, in force for calibrations, audited', async () => {
    const a = defaultId();
    const form = await (await admin.get(`/admin/assignments/${a}/anchors/new`)).text();
    expect(form).toContain('<label for="anchor-yaml">');
    expect(form).toContain('    the_ask: [2, 4]'); // the template names the rubric's criteria
    const res = await admin.post(`/admin/assignments/${a}/anchors/new`, { yaml: anchorYaml('pricing-mid'), note: 'A middling memo for Q3' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/admin/assignments/${a}/anchors`);
    expect(inForce(a)['pricing-mid']).toBe(1);
    expect(row(t.db, 'select version, author_name as author, note from anchor_versions where anchor_id = ?', 'pricing-mid')).toEqual({ version: 1, author: 'bo-admin', note: 'A middling memo for Q3' });
    expect(audits('anchor.save')).toEqual([{ target: `memo/pricing-mid`, details: JSON.stringify({ assignmentId: a, anchor: 'pricing-mid', version: 1, note: 'A middling memo for Q3' }) }]);
    expect(await (await admin.get(`/admin/assignments/${a}/anchors`)).text()).toContain('Saved anchor pricing-mid as version 1');
    // The id must be new: a second anchor with the same id, or a shipped id, is refused.
    for (const id of ['pricing-mid', 'weak-team-morale', 'new']) {
      const again = await admin.post(`/admin/assignments/${a}/anchors/new`, { yaml: anchorYaml(id), note: 'again' });
      expect(again.status, id).toBe(422);
      expect(await again.text()).toContain(`The id &quot;${id}&quot; is taken`);
    }
    expect(count(t.db, 'anchor_versions')).toBe(1);
  });

  it('edits a shipped anchor: the editor shows its text, a save appends v1 which is then in force', async () => {
    const a = defaultId();
    const base = `/admin/assignments/${a}/anchors/very-short-crm`;
    const page = await (await admin.get(base)).text();
    expect(page).toContain('id: very-short-crm');
    expect(page).toContain('v0 (shipped) (in force)');
    const edited = (await (await admin.get(base, { accept: 'application/json' })).json()) as { state: { yaml: string } };
    const yaml = edited.state.yaml.replace('overall: [1, 2.2]', 'overall: [1, 2.5]');
    const res = await admin.post(base, { yaml, note: 'Wider overall range' });
    expect(res.status).toBe(303);
    expect(inForce(a)['very-short-crm']).toBe(1);
    expect(effectiveAnchors(t.db, a, shipped()).find((x) => x.anchor.id === 'very-short-crm')!.anchor.expected.overall).toEqual([1, 2.5]);
    const history = await (await admin.get(base)).text();
    expect(history).toContain('v1 (in force)');
    expect(history).toContain('Wider overall range');
    expect(await (await admin.get(`${base}/versions/1`)).text()).toContain('overall: [1, 2.5]');
    expect(await (await admin.get(`${base}/versions/0`)).text()).toContain('overall: [1, 2.2]');
    // Another assignment still has the shipped version.
    const other = await admin.post('/admin/assignments', { title: 'Other', slug: 'other', release: 'immediate', open: 'on' });
    const otherId = Number(other.headers.get('location')!.split('/').pop());
    expect(inForce(otherId)['very-short-crm']).toBe(0);
  });

  it('refuses invalid YAML with 422, the line of each problem, and the text kept', async () => {
    const a = defaultId();
    const base = `/admin/assignments/${a}/anchors/weak-team-morale`;
    const bad = anchorYaml('weak-team-morale', '[4, 2]');
    const res = await admin.post(base, { yaml: bad, note: 'Broken' });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('line 7, expected.overall: a range is [min, max] with min ≤ max');
    expect(html).toContain('aria-invalid="true"');
    expect(html).toContain('overall: [4, 2]');
    expect(html).toContain('value="Broken"');
    const syntax = await admin.post(base, { yaml: 'id: weak-team-morale\ntitle: [unclosed\n', note: 'Broken' });
    expect(syntax.status).toBe(422);
    expect(await syntax.text()).toMatch(/line \d+, YAML syntax error/);
    const noNote = await admin.post(base, { yaml: bad, note: '' });
    expect(noNote.status).toBe(422);
    const both = await noNote.text();
    expect(both).toContain('id="anchor-note-error"');
    expect(both).toContain('line 7, expected.overall: a range is [min, max] with min ≤ max');
    expect(count(t.db, 'anchor_versions')).toBe(0);
    expect(count(t.db, 'audit_log', "action like 'anchor.%'")).toBe(0);
  });

  it('refuses an id that differs from the page, a criterion the rubric lacks, and an unchanged text', async () => {
    const a = defaultId();
    const base = `/admin/assignments/${a}/anchors/weak-team-morale`;
    const mismatch = await admin.post(base, { yaml: anchorYaml('something-else'), note: 'Rename' });
    expect(mismatch.status).toBe(422);
    expect(await mismatch.text()).toContain('The id in the YAML is &quot;something-else&quot;, but this page edits &quot;weak-team-morale&quot;');
    const misfit = await admin.post(base, { yaml: anchorYaml('weak-team-morale', '[1, 2]', '\n    persuasion: [1, 2]'), note: 'Misfit' });
    expect(misfit.status).toBe(422);
    expect(await misfit.text()).toContain('line 10, expected.criteria.persuasion: the rubric has no criterion &quot;persuasion&quot;');
    const current = ((await (await admin.get(base, { accept: 'application/json' })).json()) as { state: { yaml: string } }).state.yaml;
    const same = await admin.post(base, { yaml: current, note: 'No change' });
    expect(same.status).toBe(422);
    expect(await same.text()).toContain('Nothing changed: this text is the version in force');
    expect(count(t.db, 'anchor_versions')).toBe(0);
  });
});

describe('the rubric the assignment uses', () => {
  it('flags anchors that name a criterion it lacks, and refuses to save one', async () => {
    // An app whose rubric in force renames the_ask (as an edited or pinned rubric might).
    const renamed = (f: FileConfig) => ({ ...f, rubric: { ...f.rubric, criteria: f.rubric.criteria.map((c) => (c.id === 'the_ask' ? { ...c, id: 'request' } : c)) } });
    const own = await appWithAdmin({ files: renamed });
    try {
      const a = row<{ id: number }>(own.t.db, "select id from assignments where slug = 'memo'")!.id;
      const body = (await (await own.admin.get(`/admin/assignments/${a}/anchors`, { accept: 'application/json' })).json()) as { inForce: { anchor: { id: string }; misfits: string[] }[] };
      expect(body.inForce.find((x) => x.anchor.id === 'weak-team-morale')!.misfits).toEqual(['expected.criteria.the_ask: the rubric has no criterion "the_ask"']);
      expect(await (await own.admin.get(`/admin/assignments/${a}/anchors`)).text()).toContain('the rubric has no criterion &quot;the_ask&quot;');
      const res = await own.admin.post(`/admin/assignments/${a}/anchors/new`, { yaml: anchorYaml('asks', '[2, 3]', '\n    the_ask: [1, 2]'), note: 'x' });
      expect(res.status).toBe(422);
      expect(await res.text()).toContain('line 10, expected.criteria.the_ask: the rubric has no criterion &quot;the_ask&quot;');
      expect(count(own.t.db, 'anchor_versions')).toBe(0);
    } finally {
      await own.t.close();
    }
  });
});

describe('removing and restoring', () => {
  it('removes an anchor (a version without text, audited), lists it as removed, and restores its last text', async () => {
    const a = defaultId();
    const base = `/admin/assignments/${a}/anchors/off-topic-weekend-hike`;
    const removed = await admin.post(`${base}/remove`, { note: 'Not useful for this class' });
    expect(removed.status).toBe(303);
    expect(inForce(a)).not.toHaveProperty('off-topic-weekend-hike');
    expect(row(t.db, 'select version, yaml, note from anchor_versions where anchor_id = ?', 'off-topic-weekend-hike')).toEqual({ version: 1, yaml: null, note: 'Not useful for this class' });
    expect(audits('anchor.remove').map((x) => x.target)).toEqual(['memo/off-topic-weekend-hike']);
    const list = await (await admin.get(`/admin/assignments/${a}/anchors`)).text();
    expect(list).toContain(`<caption>Anchor memos in force: ${shipped().length - 1} anchors</caption>`);
    expect(list).toContain(`action="${base}/restore"`);
    expect(await (await admin.get(base)).text()).toContain('This anchor is removed');
    expect((await admin.post(`${base}/remove`)).status).toBe(303); // already removed: nothing new
    expect(count(t.db, 'anchor_versions')).toBe(1);

    const restored = await admin.post(`${base}/restore`);
    expect(restored.status).toBe(303);
    expect(inForce(a)['off-topic-weekend-hike']).toBe(2);
    expect(audits('anchor.restore').map((x) => x.target)).toEqual(['memo/off-topic-weekend-hike']);
    const again = await admin.post(`${base}/restore`);
    expect(again.status).toBe(409);
    expect(await again.text()).toContain('is not removed');
    expect(count(t.db, 'anchor_versions')).toBe(2);
  });
});

describe('who may edit anchors', () => {
  it('an instructor edits the assignments they run, and gets 404 for the others; a student gets 403', async () => {
    await createAccount(t, { username: 'cy-instructor', password: 'cy-instructor-pass-1', role: 'instructor' });
    const cy = t.client();
    expect((await cy.post('/login', { username: 'cy-instructor', password: 'cy-instructor-pass-1' })).status).toBe(303);
    const created = await cy.post('/admin/assignments', { title: 'Q3 pricing memo', slug: 'q3-pricing', release: 'immediate', open: 'on' });
    const own = Number(created.headers.get('location')!.split('/').pop());
    expect((await cy.get(`/admin/assignments/${own}/anchors`)).status).toBe(200);
    const saved = await cy.post(`/admin/assignments/${own}/anchors/new`, { yaml: anchorYaml('cy-anchor'), note: 'Mine' });
    expect(saved.status).toBe(303);
    expect(inForce(own)['cy-anchor']).toBe(1);
    expect(row(t.db, 'select author_name as a from anchor_versions where anchor_id = ?', 'cy-anchor')).toEqual({ a: 'cy-instructor' });

    const other = defaultId();
    expect((await cy.get(`/admin/assignments/${other}/anchors`)).status).toBe(404);
    expect((await cy.get(`/admin/assignments/${other}/anchors/weak-team-morale`)).status).toBe(404);
    expect((await cy.post(`/admin/assignments/${other}/anchors/new`, { yaml: anchorYaml('sneaky'), note: 'x' })).status).toBe(404);
    expect((await cy.post(`/admin/assignments/${other}/anchors/weak-team-morale/remove`)).status).toBe(404);
    expect(inForce(other)).toHaveProperty('weak-team-morale');

    await createAccount(t, { username: 'ana-student', password: 'ana-password-1', role: 'student' });
    const ana = t.client();
    expect((await ana.post('/login', { username: 'ana-student', password: 'ana-password-1' })).status).toBe(303);
    expect((await ana.get(`/admin/assignments/${own}/anchors`)).status).toBe(403);
    expect((await ana.post(`/admin/assignments/${own}/anchors/new`, { yaml: anchorYaml('x'), note: 'x' })).status).toBe(403);
    const anonymous = await t.client().get(`/admin/assignments/${own}/anchors`);
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.get('location')).toMatch(/^\/login\?next=/);
    expect(count(t.db, 'anchor_versions')).toBe(1);
  });
});
