import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../helpers/app.ts';
import { FUZZ_SCALE, fuzzBody, pick, seedFor, type Rand } from '../helpers/fuzz.ts';
import { fuzzClients, getChecked, makeFuzzApp, postFuzz, type FuzzClients } from '../helpers/fuzz-app.ts';
import { SAMPLE_MEMO } from '../helpers/outputs.ts';
import { prng } from '../helpers/seed.ts';

// Bad-input fuzzing of every form (in-process app, demo evaluator): seeded hostile bodies
// (random bytes, invalid UTF-8 raw and in multipart, NUL, huge and thousands of fields, repeated
// and nested keys, RTL, emoji, combining marks, XSS, SQL). Never a 5xx, never a stack trace,
// always an expected status and a content type; no HTML page ever carries injected markup.
// Afterwards every page that shows what was stored is visited and checked the same way.

const SEED = 0xf0220001;
const FORM_ERRORS = [400, 413, 415, 422] as const;

let t: TestApp;
let c: FuzzClients & { evaluationId: number };
const accepted: number[] = [];

beforeAll(async () => {
  t = makeFuzzApp();
  c = await fuzzClients(t, SAMPLE_MEMO);
});
afterAll(async () => {
  await t.close();
});

interface FormTarget {
  path: (rand: Rand) => string;
  fields: string[];
  files?: string[];
  who: keyof FuzzClients;
  allowed: number[];
  runs: number;
}

const CONFIG_NAMES = ['rubric', 'prompt', 'llm', 'auth', 'rubric.yaml', '..%2Fauth', 'RUBRIC', '%00', '__proto__', 'x'.repeat(300)];

const TARGETS: Record<string, FormTarget> = {
  'POST /submissions': { path: () => '/submissions', fields: ['text', 'parent'], who: 'writer', allowed: [303, ...FORM_ERRORS], runs: 90 },
  'POST /login': { path: (r) => pick(r, ['/login', '/login?next=%2Fadmin', '/login?next=//evil.example']), fields: ['username', 'password', 'next'], who: 'anon', allowed: [401, ...FORM_ERRORS], runs: 45 },
  'POST /account/password': { path: () => '/account/password', fields: ['current', 'password', 'confirm'], who: 'student', allowed: [...FORM_ERRORS], runs: 35 },
  'POST /admin/users': { path: () => '/admin/users', fields: ['username', 'role', 'password'], who: 'admin', allowed: [201, 303, ...FORM_ERRORS], runs: 45 },
  'POST /admin/users/import': { path: () => '/admin/users/import', fields: ['csv', 'file'], files: ['file'], who: 'admin', allowed: [201, ...FORM_ERRORS], runs: 45 },
  'POST /admin/calibration': { path: () => '/admin/calibration', fields: ['assignment', 'samples', 'draft', 'batch'], who: 'admin', allowed: [303, 409, ...FORM_ERRORS], runs: 40 },
  'POST /admin/config/:name': { path: (r) => `/admin/config/${pick(r, CONFIG_NAMES)}`, fields: ['yaml', 'note'], who: 'admin', allowed: [303, 404, ...FORM_ERRORS], runs: 50 },
  'POST /admin/config/:name/drafts/:version/publish': {
    path: (r) => `/admin/config/${pick(r, CONFIG_NAMES)}/drafts/${pick(r, ['1', '0', '-1', '99999999999999999999', 'abc', '%00'])}/publish`,
    fields: ['override', 'override_note'],
    who: 'admin',
    allowed: [303, 404, 409, ...FORM_ERRORS],
    runs: 30,
  },
  'POST /evaluations/:id/retry': {
    path: (r) => `/evaluations/${pick(r, [String(c.evaluationId), '0', '-1', '1e3', '99999999999999999999', '%00', '..%2F1', '%F0%9F%92%A9', `${c.evaluationId}%20`, 'abc'])}/retry`,
    fields: ['id', 'text'],
    who: 'writer',
    allowed: [303, 404, ...FORM_ERRORS],
    runs: 35,
  },
};

describe('fuzzed form posts', () => {
  for (const [name, target] of Object.entries(TARGETS)) {
    it(`${name}: ${target.runs} seeded hostile bodies, never 5xx`, { timeout: 30_000 * FUZZ_SCALE }, async () => {
      const rand = prng(seedFor(SEED, name));
      const statuses: Record<number, number> = {};
      for (let i = 0; i < target.runs * FUZZ_SCALE; i++) {
        const path = target.path(rand);
        const b = fuzzBody(rand, target.fields, target.files);
        const res = await postFuzz(c[target.who], path, b, target.allowed, `${name} #${i} ${path.slice(0, 80)}`);
        statuses[res.status] = (statuses[res.status] ?? 0) + 1;
        if (name === 'POST /submissions' && res.status === 303) accepted.push(Number(res.location!.split('/').pop()));
      }
      if (process.env.FUZZ_VERBOSE) console.log(name, JSON.stringify(statuses));
      // The sample hit the handlers, not only the body parser.
      expect(Object.keys(statuses).length, JSON.stringify(statuses)).toBeGreaterThan(1);
    });
  }
});

describe('after the fuzz, every page that shows stored input', () => {
  it('evaluates the accepted fuzzed memos and renders them on the student and admin pages', { timeout: 30_000 * FUZZ_SCALE }, async () => {
    expect(accepted.length).toBeGreaterThan(5);
    await t.queue.idle();
    const rows = t.db.$client.prepare(`select id, status, error_kind from evaluations where id in (${accepted.join(',')})`).all() as { id: number; status: string; error_kind: string | null }[];
    expect(rows.filter((r) => r.status !== 'done'), 'the demo evaluator handles every accepted memo').toEqual([]);
    for (const id of accepted) {
      await getChecked(c.writer, `/evaluations/${id}`, [200]);
      await getChecked(c.writer, `/evaluations/${id}`, [200], { accept: 'application/json' });
      await getChecked(c.admin, `/admin/evaluations/${id}`, [200]);
    }
    const pages = Math.ceil((accepted.length + 1) / 50);
    for (let p = 1; p <= pages; p++) await getChecked(c.admin, `/admin/evaluations?page=${p}`, [200]);
    for (const path of ['/admin/evaluations.csv', '/admin/users', '/admin/sessions', '/admin/audit', '/admin/config', '/admin', '/admin/system', '/']) await getChecked(c.admin, path, [200]);
    for (const name of ['rubric', 'prompt', 'llm', 'auth']) await getChecked(c.admin, `/admin/config/${name}`, [200]);
    const rand = prng(SEED);
    // Revising any accepted memo pre-fills the form with it.
    for (let i = 0; i < 10; i++) {
      const sub = t.db.$client.prepare('select submission_id as s from evaluations where id = ?').get(pick(rand, accepted)) as { s: number };
      await getChecked(c.writer, `/?revise=${sub.s}`, [200]);
    }
  });
});

it('logged no unhandled error and no crashed worker along the way', () => {
  expect(t.logs.filter((l) => /unhandled error|worker crashed/.test(l))).toEqual([]);
});
