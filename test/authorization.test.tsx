import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertConfigVersion } from '../src/db/queries/config-versions.ts';
import { ORIGIN, makeTestApp, signedIn, waitForEvaluation, type Client, type TestApp } from './helpers/app.ts';
import { SAMPLE_MEMO } from './helpers/outputs.ts';

let t: TestApp;
let ids: Record<string, string>;
let admin: Client;
let student: Client;

beforeAll(async () => {
  t = makeTestApp();
  student = await signedIn(t, 'ana-student');
  admin = await signedIn(t, 'bo-admin');
  const res = await student.post('/submissions', { text: SAMPLE_MEMO });
  const evaluationId = res.headers.get('location')!.split('/').pop()!;
  await waitForEvaluation(t, Number(evaluationId));
  const ana = t.db.$client.prepare("select id from users where username = 'ana-student'").get() as { id: string };
  const session = t.db.$client.prepare('select id from sessions where user_id = ?').get(ana.id) as { id: string };
  ids = { id: evaluationId, name: 'rubric', version: '0' };
  // Routes under /admin/users/:id and /admin/sessions/:id need ids of those kinds.
  ids.userId = ana.id;
  ids.sessionId = session.id;
  // Routes under /admin/assignments/:id/anchors/:anchorId need an anchor the assignment has (a shipped one).
  ids.anchorId = 'strong-warehouse-automation';
  // A stored calibration run 1, so /admin/calibration/:id (and .csv) have something to show.
  t.db.$client
    .prepare("insert into calibration_runs (id, assignment_id, status, samples, provider, model, rubric_version, prompt_version, llm_version, rubric_source, prompt_source, llm_source, anchors_json, anchors_hash, readings_total, started_by_name, created_at) values (1, 1, 'failed', 1, 'demo', 'demo', 'r', 'p', 'l', 0, 0, 0, ?, 'h', 0, 'test', ?)")
    .run(JSON.stringify({ anchors: [], skipped: [], rubric: { scale: { min: 1, max: 5 }, criteria: [] } }), Date.now());
  // A rubric draft, so /admin/config/:name/drafts/:version has something to show.
  const rubricYaml = readFileSync(join(import.meta.dirname, '../config/rubric.yaml'), 'utf8').replace('name: Business Memo Rubric', 'name: Business Memo Rubric (draft)');
  const bo = t.db.$client.prepare("select id from users where username = 'bo-admin'").get() as { id: string };
  ids.draftVersion = String(insertConfigVersion(t.db, { name: 'rubric', yaml: rubricYaml, hash: 'draft-hash', author: { id: bo.id, username: 'bo-admin' }, note: 'draft', now: Date.now(), status: 'draft' }));
});
afterAll(async () => {
  await t.close();
});

/** Every GET/POST route the app registers under /admin, with its parameters filled in. */
function adminRoutes(): { method: 'GET' | 'POST'; path: string }[] {
  const seen = new Set<string>();
  return t.app.routes
    .filter((r) => (r.method === 'GET' || r.method === 'POST') && (r.path === '/admin' || r.path.startsWith('/admin/')) && !r.path.includes('*'))
    .map((r) => {
      const path = r.path
        // A regex-constrained parameter with a suffix (`:id{[0-9]+\.csv}`) is walked as `:id.csv`.
        .replace(/\{\[0-9\]\+\\\.(\w+)\}/, '.$1')
        .replace(/^\/admin\/users\/:id/, `/admin/users/${ids.userId}`)
        .replace(/^\/admin\/sessions\/:id/, `/admin/sessions/${ids.sessionId}`)
        .replace(/\/drafts\/:version/, `/drafts/${ids.draftVersion}`)
        .replace(/:(\w+)/g, (_, p: string) => ids[p] ?? '1');
      return { method: r.method as 'GET' | 'POST', path };
    })
    .filter((r) => !seen.has(`${r.method} ${r.path}`) && seen.add(`${r.method} ${r.path}`));
}

const send = (c: Client, r: { method: string; path: string }) => (r.method === 'GET' ? c.get(r.path) : c.post(r.path, {}));

describe('authorization walk over the route table', () => {
  it('finds the admin routes it must check', () => {
    const routes = adminRoutes();
    expect(routes.length).toBeGreaterThanOrEqual(20);
    expect(routes).toContainEqual({ method: 'GET', path: '/admin/evaluations.csv' });
    expect(routes).toContainEqual({ method: 'GET', path: '/admin/calibration/1.csv' });
  });

  it('sends anonymous visitors to the login page (GET) or refuses them (POST), never the data', async () => {
    for (const r of adminRoutes()) {
      const res = await send(t.client(), r);
      const body = await res.text();
      if (r.method === 'GET') {
        expect(res.status, `${r.method} ${r.path}`).toBe(303);
        expect(res.headers.get('location'), r.path).toMatch(/^\/login\?next=/);
      } else {
        expect(res.status, `${r.method} ${r.path}`).toBe(403);
      }
      expect(body, r.path).not.toContain('Dayton');
    }
  });

  it('refuses signed-in students with 403 on every admin route', async () => {
    for (const r of adminRoutes()) {
      const res = await send(student, r);
      expect(res.status, `${r.method} ${r.path}`).toBe(403);
      expect(await res.text(), r.path).not.toContain('Dayton');
    }
  });

  it('refuses JSON requests from non-admins too', async () => {
    for (const r of adminRoutes().filter((x) => x.method === 'GET')) {
      const anon = await t.client().get(r.path, { accept: 'application/json' });
      expect(anon.status, r.path).toBe(403);
      const stu = await student.get(r.path, { accept: 'application/json' });
      expect(stu.status, r.path).toBe(403);
    }
  });

  it('lets admins through on every GET admin route', async () => {
    for (const r of adminRoutes().filter((x) => x.method === 'GET')) {
      const res = await admin.get(r.path);
      expect([200], `${r.method} ${r.path}`).toContain(res.status);
    }
  });
});

describe('CSRF on every POST route', () => {
  const postRoutes = () => t.app.routes.filter((r) => r.method === 'POST').map((r) => r.path.replace(/:(\w+)/g, (_, p: string) => (p === 'id' && r.path.startsWith('/admin/users') ? ids.userId! : p === 'id' && r.path.startsWith('/admin/sessions') ? ids.sessionId! : ids[p] ?? '1')));

  it('covers the POST routes of every page', () => {
    expect(postRoutes()).toEqual(expect.arrayContaining(['/submissions', '/login', '/logout', '/admin/users', `/evaluations/${ids.id}/retry`]));
  });

  it('answers 403 to a foreign Origin and to a request with neither Origin nor Sec-Fetch-Site', async () => {
    for (const path of postRoutes()) {
      const body = () => new URLSearchParams({ text: SAMPLE_MEMO, username: 'bo-admin', password: 'x' });
      const foreign = await admin.request(path, { method: 'POST', body: body(), headers: { origin: 'https://evil.example' } });
      expect(foreign.status, `foreign ${path}`).toBe(403);
      const crossSite = await admin.request(path, { method: 'POST', body: body(), headers: { 'sec-fetch-site': 'cross-site' } });
      expect(crossSite.status, `cross-site ${path}`).toBe(403);
      const bare = await admin.request(path, { method: 'POST', body: body() });
      expect(bare.status, `no origin ${path}`).toBe(403);
    }
  });

  it('lets same-origin posts through', async () => {
    for (const path of postRoutes().filter((p) => p !== '/logout' && !p.includes('/sessions'))) {
      const res = await admin.request(path, { method: 'POST', body: new URLSearchParams({}), headers: { origin: ORIGIN } });
      expect(res.status, path).not.toBe(403);
    }
  });
});
