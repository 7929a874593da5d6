import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertAudit } from '../../src/db/queries/audit.ts';
import type { Client, TestApp } from '../helpers/app.ts';
import { FUZZ_SCALE, fuzzQuery, fuzzValue, pick, seedFor, toWellFormed, XSS_PAYLOADS, type Rand } from '../helpers/fuzz.ts';
import { fuzzClients, getChecked, makeFuzzApp, type FuzzClients } from '../helpers/fuzz-app.ts';
import { SAMPLE_MEMO } from '../helpers/outputs.ts';
import { prng, seedEvaluations } from '../helpers/seed.ts';

// Bad-input fuzzing of every query parameter and path id the app reads, against a seeded history
// (5 002 evaluations, audit entries): seeded hostile values, raw invalid percent escapes, repeated
// and nested keys, thousands of parameters. Never a 5xx or a stack trace; always an expected status;
// HTML pages carry no injected markup; JSON parses.

const SEED = 0xf0220002;
const FILTERS = ['from', 'to', 'writer', 'status', 'min', 'max', 'q', 'sort', 'dir', 'page'];

let t: TestApp;
let c: FuzzClients & { evaluationId: number };

beforeAll(async () => {
  t = makeFuzzApp();
  c = await fuzzClients(t, SAMPLE_MEMO);
  seedEvaluations(t, { count: 5002, now: Date.now() });
  const admin = t.db.$client.prepare("select id, username from users where username = 'bo-admin'").get() as { id: string; username: string };
  for (let i = 0; i < 120; i++) insertAudit(t.db, { actor: admin, action: 'user.create', target: `${XSS_PAYLOADS[(i * 3) % XSS_PAYLOADS.length]} ${i}`, details: { note: XSS_PAYLOADS[i % XSS_PAYLOADS.length] }, now: Date.now() - i });
});
afterAll(async () => {
  await t.close();
});

/** Path ids: valid, absent, negative, huge, encoded junk, traversal, emoji. */
const idLike = (rand: Rand, valid: number) =>
  pick(rand, [String(valid), '0', '-1', '1.5', '1e3', '99999999999999999999', '%00', '..%2F..%2Fetc%2Fpasswd', '%F0%9F%92%A9', '%FF', '%', `${valid}%20`, 'abc', encodeURIComponent(toWellFormed(String(fuzzValue(rand)).slice(0, 200)))]);

const ACCEPTS = [{}, { accept: 'application/json' }, { 'hx-request': 'true' }, { accept: 'text/html' }] as const;

interface QueryTarget {
  path: (rand: Rand) => string;
  params: string[];
  who: keyof FuzzClients;
  allowed: number[];
  runs: number;
}

const TARGETS: Record<string, QueryTarget> = {
  'GET /': { path: () => '/', params: ['revise'], who: 'writer', allowed: [200], runs: 50 },
  'GET /admin/evaluations': { path: () => '/admin/evaluations', params: FILTERS, who: 'admin', allowed: [200, 422], runs: 160 },
  'GET /admin/evaluations.csv': { path: () => '/admin/evaluations.csv', params: FILTERS, who: 'admin', allowed: [200, 422], runs: 50 },
  'GET /admin/audit': { path: () => '/admin/audit', params: ['page'], who: 'admin', allowed: [200], runs: 50 },
  'GET /evaluations/:id': { path: (r) => `/evaluations/${idLike(r, c.evaluationId)}`, params: ['id', 'format'], who: 'writer', allowed: [200, 404], runs: 50 },
  'GET /admin/evaluations/:id': { path: (r) => `/admin/evaluations/${idLike(r, 5000)}`, params: ['id'], who: 'admin', allowed: [200, 404], runs: 40 },
  'GET /login': { path: () => '/login', params: ['next'], who: 'anon', allowed: [200, 400], runs: 30 },
  'GET /admin/config/:name/versions/:version': { path: (r) => `/admin/config/${pick(r, ['rubric', 'auth', 'x', '%00'])}/versions/${idLike(r, 0)}`, params: [], who: 'admin', allowed: [200, 404], runs: 25 },
};

describe('fuzzed query strings and path ids', () => {
  for (const [name, target] of Object.entries(TARGETS)) {
    it(`${name}: ${target.runs} seeded hostile queries, never 5xx`, { timeout: 30_000 * FUZZ_SCALE }, async () => {
      const rand = prng(seedFor(SEED, name));
      const statuses: Record<number, number> = {};
      for (let i = 0; i < target.runs * FUZZ_SCALE; i++) {
        const query = fuzzQuery(rand, target.params);
        const path = `${target.path(rand)}${query ? `?${query}` : ''}`;
        const res = await getChecked(c[target.who] as Client, path, target.allowed, { ...pick(rand, ACCEPTS) });
        statuses[res.status] = (statuses[res.status] ?? 0) + 1;
      }
      if (process.env.FUZZ_VERBOSE) console.log(name, JSON.stringify(statuses));
      if (target.allowed.length > 1) expect(Object.keys(statuses).length, JSON.stringify(statuses)).toBeGreaterThan(1);
    });
  }

  it('every filter of the history alone, with each hostile class, in page, JSON and CSV form', { timeout: 30_000 * FUZZ_SCALE }, async () => {
    const rand = prng(seedFor(SEED, 'each filter'));
    for (const key of FILTERS) {
      for (let i = 0; i < 12 * FUZZ_SCALE; i++) {
        const value = String(fuzzValue(rand)).slice(0, 4000);
        const q = new URLSearchParams({ [key]: value }).toString();
        await getChecked(c.admin, `/admin/evaluations?${q}`, [200, 422]);
        await getChecked(c.admin, `/admin/evaluations?${q}`, [200, 422], { accept: 'application/json' });
        await getChecked(c.admin, `/admin/evaluations.csv?${q}`, [200, 422]);
      }
    }
  });
});

it('logged no unhandled error along the way', () => {
  expect(t.logs.filter((l) => /unhandled error/.test(l))).toEqual([]);
});
