import { describe, expect, it } from 'vitest';
import { useAdminApp, createAccount, signedIn, type Client, type TestApp } from './helpers/app.ts';
import { count, row, rows } from './helpers/db.ts';
import { SAMPLE_MEMO } from './helpers/outputs.ts';

let t: TestApp;
let admin: Client;
useAdminApp((s) => ({ t, admin } = s));

const CY = { username: 'cy-instructor', password: 'cy-instructor-pass-1', role: 'instructor' } as const;
const DI = { username: 'di-instructor', password: 'di-instructor-pass-1', role: 'instructor' } as const;

/** Creates an instructor and signs them in through the login form. */
async function instructor(p: { username: string; password: string; role: 'instructor' } = CY): Promise<Client> {
  await createAccount(t, p);
  const c = t.client();
  const res = await c.post('/login', { username: p.username, password: p.password });
  expect(res.status).toBe(303);
  return c;
}

const valid = (over: Record<string, string> = {}) => ({ title: 'Pricing memo', slug: 'pricing', context: 'Dayton Foods must decide on prices.', release: 'review', open: 'on', rubric_version: '', prompt_version: '', ...over });
const assignmentCount = () => count(t.db, 'assignments');
const stored = (slug: string) => row<{ id: number; title: string; context: string; release: string; open: number; rubric_version: number | null; owner_id: string | null }>(t.db, 'select * from assignments where slug = ?', slug);
const audit = () => rows<{ actor_name: string; action: string; target: string }>(t.db, 'select actor_name, action, target from audit_log order by id');

/** Creates an assignment as `c`; returns its id. */
async function create(c: Client, over: Record<string, string> = {}): Promise<number> {
  const res = await c.post('/admin/assignments', valid(over));
  expect(res.status).toBe(303);
  return Number(res.headers.get('location')!.split('/').pop());
}

describe('the default assignment', () => {
  it('exists after the migrations, open, immediate, nothing pinned, and holds the memos written', async () => {
    expect(stored('memo')).toMatchObject({ title: 'Business memo', release: 'immediate', open: 1, rubric_version: null, owner_id: null });
    expect((await t.client().post('/submissions', { text: SAMPLE_MEMO })).status).toBe(303);
    expect(count(t.db, 'submissions', 'assignment_id = ?', stored('memo')!.id)).toBe(count(t.db, 'submissions'));
  });
});

describe('POST /admin/assignments', () => {
  it('creates an assignment owned by its creator: 303 to its page with a flash, audited', async () => {
    const res = await admin.post('/admin/assignments', valid());
    expect(res.status).toBe(303);
    const a = stored('pricing')!;
    expect(res.headers.get('location')).toBe(`/admin/assignments/${a.id}`);
    expect(a).toMatchObject({ title: 'Pricing memo', release: 'review', open: 1, context: 'Dayton Foods must decide on prices.' });
    expect(a.owner_id).toBe(row<{ id: string }>(t.db, "select id from users where username = 'bo-admin'")!.id);
    const page = await (await admin.get(res.headers.get('location')!)).text();
    expect(page).toContain('Created the assignment Pricing memo');
    expect(page).toContain('href="/a/pricing"');
    expect(audit().at(-1)).toMatchObject({ actor_name: 'bo-admin', action: 'assignment.create', target: 'pricing' });
  });

  it('refuses invalid fields with 422, the values kept and an error beside each field, nothing stored', async () => {
    const before = assignmentCount();
    const res = await admin.post('/admin/assignments', valid({ title: ' ', slug: 'Bad Slug!', release: 'later', context: 'x'.repeat(5001) }));
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('id="assignment-title-field-error"');
    expect(html).toContain('Use 2 to 40 characters: lowercase letters, digits and hyphens.');
    expect(html).toContain('value="Bad Slug!"');
    expect(html).toContain('Choose when results reach students.');
    expect(html).toContain('Use at most 5000 characters.');
    expect(assignmentCount()).toBe(before);
    expect(audit().filter((e) => e.action.startsWith('assignment.'))).toEqual([]);
  });

  it('refuses a taken slug and a pinned version that does not exist', async () => {
    await create(admin);
    const before = assignmentCount();
    const dup = await admin.post('/admin/assignments', valid({ title: 'Another' }));
    expect(dup.status).toBe(422);
    expect(await dup.text()).toContain('The slug pricing is taken');
    const pin = await admin.post('/admin/assignments', valid({ slug: 'pinned', rubric_version: '7' }));
    expect(pin.status).toBe(422);
    expect(await pin.text()).toContain('That version no longer exists');
    expect(assignmentCount()).toBe(before);
    expect((await admin.post('/admin/assignments', valid({ slug: 'pinned', rubric_version: '0' }))).status).toBe(303);
    expect(stored('pinned')!.rubric_version).toBe(0);
  });
});

describe('GET and POST /admin/assignments/:id', () => {
  it('lists assignments with their facts and offers the stored versions to pin', async () => {
    await create(admin);
    const html = await (await admin.get('/admin/assignments')).text();
    expect(html).toContain('<code>pricing</code>');
    expect(html).toContain('After review');
    expect(html).toContain('Rubric in force, prompt in force');
    expect(html).toContain('<option value="0">v0 — the shipped file</option>');
    expect(html).toContain('aria-current="page"');
  });

  it('edits an assignment (303, audited) and keeps the default assignment’s slug', async () => {
    const id = await create(admin);
    const res = await admin.post(`/admin/assignments/${id}`, valid({ title: 'Pricing memo 2', release: 'immediate', open: '' }));
    expect(res.status).toBe(303);
    expect(stored('pricing')).toMatchObject({ title: 'Pricing memo 2', release: 'immediate', open: 1 });
    const closed = { ...valid({ title: 'Closed now' }) } as Record<string, string>;
    delete closed.open;
    expect((await admin.post(`/admin/assignments/${id}`, closed)).status).toBe(303);
    expect(stored('pricing')!.open).toBe(0);
    expect(audit().at(-1)).toMatchObject({ action: 'assignment.update', target: 'pricing' });
    const memo = stored('memo')!;
    const renamed = await admin.post(`/admin/assignments/${memo.id}`, valid({ title: 'Business memo', slug: 'renamed' }));
    expect(renamed.status).toBe(422);
    expect(await renamed.text()).toContain('The default assignment keeps the slug memo.');
    expect(stored('memo')).toBeDefined();
  });

  it('answers 404 for an assignment that does not exist', async () => {
    expect((await admin.get('/admin/assignments/999')).status).toBe(404);
    expect((await admin.post('/admin/assignments/999', valid())).status).toBe(404);
  });

  it('adds and removes co-teachers by username (audited), refusing students and unknown names', async () => {
    const id = await create(admin);
    await createAccount(t, CY);
    await signedIn(t, 'ana-student');
    const added = await admin.post(`/admin/assignments/${id}/instructors`, { username: 'cy-instructor' });
    expect(added.status).toBe(303);
    expect(await (await admin.get(`/admin/assignments/${id}`)).text()).toContain('Remove cy-instructor');
    expect(audit().at(-1)).toMatchObject({ action: 'assignment.instructor_add', target: 'pricing' });
    const student = await admin.post(`/admin/assignments/${id}/instructors`, { username: 'ana-student' });
    expect(student.status).toBe(422);
    expect(await student.text()).toContain('Only instructors and administrators can co-teach');
    expect((await admin.post(`/admin/assignments/${id}/instructors`, { username: 'nobody' })).status).toBe(422);
    expect(count(t.db, 'assignment_instructors')).toBe(1);
    const cy = row<{ id: string }>(t.db, "select id from users where username = 'cy-instructor'")!;
    expect((await admin.post(`/admin/assignments/${id}/instructors/${cy.id}/remove`)).status).toBe(303);
    expect(count(t.db, 'assignment_instructors')).toBe(0);
    expect(audit().at(-1)).toMatchObject({ action: 'assignment.instructor_remove', target: 'pricing' });
  });
});

describe('instructors', () => {
  it('see only the assignments they own or co-teach; anything else is 404', async () => {
    const cy = await instructor();
    const di = await instructor(DI);
    const own = await create(cy, { slug: 'cy-own', title: 'Cy’s own' });
    const others = await create(di, { slug: 'di-own', title: 'Di’s own' });
    const list = await (await cy.get('/admin/assignments')).text();
    expect(list).toContain('Cy’s own');
    expect(list).not.toContain('Di’s own');
    expect(list).not.toContain('Business memo');
    expect((await cy.get(`/admin/assignments/${own}`)).status).toBe(200);
    expect((await cy.get(`/admin/assignments/${others}`)).status).toBe(404);
    expect((await cy.post(`/admin/assignments/${others}`, valid({ slug: 'di-own', title: 'Taken over' }))).status).toBe(404);
    expect((await cy.post(`/admin/assignments/${others}/instructors`, { username: 'cy-instructor' })).status).toBe(404);
    expect(stored('di-own')!.title).toBe('Di’s own');
    expect((await di.post(`/admin/assignments/${others}/instructors`, { username: 'cy-instructor' })).status).toBe(303);
    expect((await cy.get(`/admin/assignments/${others}`)).status).toBe(200);
    expect(await (await cy.get('/admin/assignments')).text()).toContain('Di’s own');
    expect(stored('cy-own')!.owner_id).toBe(row<{ id: string }>(t.db, "select id from users where username = 'cy-instructor'")!.id);
  });

  it('are sent from /admin to their assignments and refused the admin-only sections', async () => {
    const cy = await instructor();
    const home = await cy.get('/admin');
    expect(home.status).toBe(303);
    expect(home.headers.get('location')).toBe('/admin/assignments');
    for (const path of ['/admin/users', '/admin/config', '/admin/sessions', '/admin/system', '/admin/audit']) {
      expect((await cy.get(path)).status, path).toBe(403);
    }
    const html = await (await cy.get('/admin/assignments')).text();
    expect(html).toContain('href="/admin/reviews"');
    expect(html).toContain('href="/admin/evaluations"');
    expect(html).not.toContain('href="/admin/users"');
    expect(html).toContain('<a href="/admin">');
    expect((await admin.get('/admin')).status).toBe(200);
  });

  it('can be created and given the role from the users page', async () => {
    expect((await admin.post('/admin/users', { username: 'eli', role: 'instructor', password: 'eli-instructor-pw' })).status).toBe(303);
    expect(row(t.db, "select role from users where username = 'eli'")).toEqual({ role: 'instructor' });
    const html = await (await admin.get('/admin/users')).text();
    expect(html).toContain('<option value="instructor" selected="">Instructor</option>');
  });
});

describe('students', () => {
  it('get 403 on the assignments console', async () => {
    const ana = await signedIn(t, 'ana-student');
    expect((await ana.get('/admin/assignments')).status).toBe(403);
    expect((await ana.post('/admin/assignments', valid())).status).toBe(403);
    expect(stored('pricing')).toBeUndefined();
  });
});
