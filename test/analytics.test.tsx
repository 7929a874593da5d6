import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../src/auth/passwords.ts';
import type { Rubric } from '../src/config/schemas.ts';
import { insertAccount } from '../src/db/queries/users.ts';
import { makeTestApp, signedIn, type Client, type TestApp } from './helpers/app.ts';
import { parseCsv, prng } from './helpers/seed.ts';

// Twenty reviewed evaluations of one assignment (plus immediate, pending, failed and revised ones,
// and noise in another assignment), seeded from a fixed PRNG. Every figure is computed below by an
// oracle written with plain loops, independently of src/evaluations/agreement.ts, and the page's
// JSON, its HTML tables and the CSV must all match it.

type Scores = Record<string, number>;
interface Seeded {
  id: number;
  release: 'immediate' | 'pending' | 'released';
  status: 'done' | 'failed';
  rubricVersion: string;
  ai: { overall: number; scores: Scores } | null;
  final: { overall: number; scores: Scores } | null;
  parent: number | null;
}

const OLD_HASH = 'rubric-hash-of-an-earlier-version';
let t: TestApp;
let admin: Client;
let student: Client;
let owner: Client;
let stranger: Client;
let rubric: Rubric;
let currentHash: string;
let assignmentId: number;
const seeded: Seeded[] = [];

async function instructor(username: string): Promise<{ id: string; client: Client }> {
  const password = `${username}-password-1`;
  const id = insertAccount(t.db, { username, passwordHash: await hashPassword(password), role: 'instructor', mustChangePassword: false, now: Date.now() });
  const client = t.client();
  const res = await client.post('/login', { username, password });
  if (res.status !== 303) throw new Error(`login as ${username} failed`);
  return { id, client };
}

const weighted = (s: Scores) => Math.round((rubric.criteria.reduce((sum, c) => sum + s[c.id]! * c.weight, 0) * 10) / rubric.criteria.reduce((w, c) => w + c.weight, 0)) / 10;

function resultJson(r: { overall: number; scores: Scores }): string {
  const criteria = rubric.criteria.map((c) => ({ id: c.id, name: c.name, weight: c.weight, score: r.scores[c.id]!, justification: 'Seeded.' }));
  return JSON.stringify({ rubricName: rubric.name, scale: { ...rubric.scale, labels: {} }, overall: r.overall, band: 'Seeded', criteria, strengths: [], opportunities: [], segments: [], demo: true });
}

function insert(assignment: number, e: Omit<Seeded, 'id'>, writerId: string, now: number): number {
  const sqlite = t.db.$client;
  const parentSubmission = e.parent === null ? null : (sqlite.prepare('select submission_id as s from evaluations where id = ?').get(e.parent) as { s: number }).s;
  const sub = sqlite.prepare('insert into submissions (writer_id, parent_id, assignment_id, text, char_count, created_at) values (?, ?, ?, ?, ?, ?)').run(writerId, parentSubmission, assignment, 'A memo.', 7, now);
  const ev = sqlite
    .prepare('insert into evaluations (submission_id, status, rubric_version, overall, result_json, release, queued_at, created_at) values (?, ?, ?, ?, ?, ?, ?, ?)')
    .run(sub.lastInsertRowid, e.status, e.rubricVersion, e.ai?.overall ?? null, e.ai ? resultJson(e.ai) : null, e.release, now, now);
  const id = Number(ev.lastInsertRowid);
  if (e.final) {
    const released = e.release === 'released' ? now + 1000 : null;
    sqlite.prepare('insert into reviews (evaluation_id, final_json, final_overall, reviewer_name, updated_at, released_at) values (?, ?, ?, ?, ?, ?)').run(id, resultJson(e.final), e.final.overall, 'cy-instructor', now, released);
  }
  return id;
}

function seed(ownerId: string, writerId: string): void {
  const rand = prng(20261201);
  const level = () => rubric.scale.min + Math.floor(rand() * (rubric.scale.max - rubric.scale.min + 1));
  const clamp = (v: number) => Math.min(rubric.scale.max, Math.max(rubric.scale.min, v));
  const scores = (f: (id: string) => number): Scores => Object.fromEntries(rubric.criteria.map((c) => [c.id, f(c.id)]));
  const now = Date.now();
  assignmentId = Number(t.db.$client.prepare("insert into assignments (slug, title, context, release, owner_id, created_at, updated_at) values ('budget-memo', 'Budget memo', '', 'review', ?, ?, ?)").run(ownerId, now, now).lastInsertRowid);
  const add = (e: Omit<Seeded, 'id'>, assignment = assignmentId) => {
    const id = insert(assignment, e, writerId, now);
    if (assignment === assignmentId) seeded.push({ ...e, id });
    return id;
  };
  const scored = () => {
    const s = scores(level);
    return { overall: weighted(s), scores: s };
  };
  const reviewed = (parent: number | null, rubricVersion = currentHash) => {
    const ai = scored();
    // Instructors mostly agree, sometimes by a point or two either way, more often upward.
    const fin = scores((id) => clamp(ai.scores[id]! + [0, 0, 0, 1, 1, -1, 2, -2][Math.floor(rand() * 8)]!));
    return add({ release: 'released', status: 'done', rubricVersion, ai, final: { overall: weighted(fin), scores: fin }, parent });
  };
  const firsts: number[] = [];
  for (let i = 0; i < 14; i++) firsts.push(reviewed(null, i % 5 === 3 ? OLD_HASH : currentHash));
  for (let i = 0; i < 6; i++) reviewed(firsts[i]!); // 20 reviewed, 6 of them revisions of reviewed ones
  const immediate = [0, 1, 2, 3, 4].map((i) => add({ release: 'immediate', status: 'done', rubricVersion: i === 2 ? OLD_HASH : currentHash, ai: scored(), final: null, parent: null }));
  add({ release: 'immediate', status: 'done', rubricVersion: currentHash, ai: scored(), final: null, parent: immediate[0]! }); // revision, immediate
  add({ release: 'immediate', status: 'done', rubricVersion: currentHash, ai: scored(), final: null, parent: firsts[7]! }); // immediate revision of a released one
  const pending = add({ release: 'pending', status: 'done', rubricVersion: OLD_HASH, ai: scored(), final: { ...scored() }, parent: null }); // saved, not released
  add({ release: 'pending', status: 'done', rubricVersion: currentHash, ai: scored(), final: null, parent: null });
  add({ release: 'immediate', status: 'done', rubricVersion: currentHash, ai: scored(), final: null, parent: pending }); // its parent is pending: no pair
  add({ release: 'immediate', status: 'failed', rubricVersion: currentHash, ai: null, final: null, parent: firsts[8]! }); // failed: no pair
  for (let i = 0; i < 4; i++) add({ release: 'immediate', status: 'done', rubricVersion: OLD_HASH, ai: scored(), final: null, parent: null }, 1); // another assignment
}

beforeAll(async () => {
  t = makeTestApp();
  rubric = t.config.current.files.rubric;
  currentHash = t.config.current.versions.rubric;
  admin = await signedIn(t, 'bo-admin');
  student = await signedIn(t, 'ana-student');
  const cy = await instructor('cy-instructor');
  owner = cy.client;
  stranger = (await instructor('di-instructor')).client;
  const ana = t.db.$client.prepare("select id from users where username = 'ana-student'").get() as { id: string };
  seed(cy.id, ana.id);
});
afterAll(async () => {
  await t.close();
});

// ---- The oracle: plain loops over what was seeded. ----

function average(xs: number[]): number | null {
  if (xs.length === 0) return null;
  let sum = 0;
  for (const x of xs) sum += x;
  return sum / xs.length;
}

function kappa(ai: number[], fin: number[]): number | null {
  const { min, max } = rubric.scale;
  const k = max - min + 1;
  const n = ai.length;
  if (n === 0) return null;
  const observed: number[][] = [];
  for (let i = 0; i < k; i++) observed.push(new Array(k).fill(0));
  const histA = new Array(k).fill(0);
  const histB = new Array(k).fill(0);
  for (let p = 0; p < n; p++) {
    observed[ai[p]! - min]![fin[p]! - min]! += 1;
    histA[ai[p]! - min] += 1;
    histB[fin[p]! - min] += 1;
  }
  let num = 0;
  let den = 0;
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      const w = ((i - j) * (i - j)) / ((k - 1) * (k - 1));
      num += w * observed[i]![j]!;
      den += (w * histA[i] * histB[j]) / n;
    }
  }
  return den === 0 ? null : 1 - num / den;
}

function agreementOf(ai: number[], fin: number[]) {
  const n = ai.length;
  let exact = 0;
  let within = 0;
  const diffs: number[] = [];
  for (let p = 0; p < n; p++) {
    if (ai[p] === fin[p]) exact++;
    if (Math.abs(fin[p]! - ai[p]!) <= 1) within++;
    diffs.push(fin[p]! - ai[p]!);
  }
  return { n, exact: n ? exact / n : null, withinOne: n ? within / n : null, meanDiff: average(diffs), kappa: kappa(ai, fin) };
}

function oracle() {
  const visible = new Map<number, { overall: number; scores: Scores }>();
  for (const e of seeded) if (e.status === 'done' && e.release !== 'pending') visible.set(e.id, e.release === 'released' ? e.final! : e.ai!);
  const reviewed = seeded.filter((e) => e.status === 'done' && e.release === 'released');
  const criteria = rubric.criteria.map((c) => ({ id: c.id, name: c.name }));
  const rows = criteria.map((c) => ({ criterionId: c.id, name: c.name, ...agreementOf(reviewed.map((e) => e.ai!.scores[c.id]!), reviewed.map((e) => e.final!.scores[c.id]!)) }));
  const allAi: number[] = [];
  const allFin: number[] = [];
  for (const c of criteria) for (const e of reviewed) allAi.push(e.ai!.scores[c.id]!), allFin.push(e.final!.scores[c.id]!);
  const pairs: { before: { overall: number; scores: Scores }; after: { overall: number; scores: Scores } }[] = [];
  for (const e of seeded) {
    if (e.parent === null || !visible.has(e.id) || !visible.has(e.parent)) continue;
    pairs.push({ before: visible.get(e.parent)!, after: visible.get(e.id)! });
  }
  const results = [...visible.values()];
  const outdated = [...visible.keys()].filter((id) => seeded.find((e) => e.id === id)!.rubricVersion !== currentHash);
  const levels: number[] = [];
  for (let l = rubric.scale.min; l <= rubric.scale.max; l++) levels.push(l);
  return {
    assignmentId,
    scale: { min: rubric.scale.min, max: rubric.scale.max },
    criteria,
    currentRubricHash: currentHash,
    counts: { evaluations: visible.size, reviewed: reviewed.length, revisionPairs: pairs.length, unreadable: 0 },
    agreement: { criteria: rows, pooled: { criterionId: null, name: 'All criteria', ...agreementOf(allAi, allFin) }, overallMeanDiff: average(reviewed.map((e) => e.final!.overall - e.ai!.overall)) },
    distributions: criteria.map((c) => ({ ...c, counts: levels.map((l) => results.filter((r) => r.scores[c.id] === l).length) })),
    averages: { overall: { n: results.length, mean: average(results.map((r) => r.overall)) }, criteria: criteria.map((c) => ({ ...c, n: results.length, mean: average(results.map((r) => r.scores[c.id]!)) })) },
    growth: { pairs: pairs.length, overall: average(pairs.map((p) => p.after.overall - p.before.overall)), criteria: criteria.map((c) => ({ ...c, n: pairs.length, mean: average(pairs.map((p) => p.after.scores[c.id]! - p.before.scores[c.id]!)) })) },
    outdated: { count: outdated.length, ids: outdated, reviewed: outdated.filter((id) => reviewed.some((e) => e.id === id)).length },
  };
}

/** Deep equality with numbers compared to 9 decimals (sums in another order differ in the last bits). */
function expectMatches(actual: unknown, expected: unknown, path = '$'): void {
  if (typeof expected === 'number') {
    expect(typeof actual, path).toBe('number');
    expect(actual as number, path).toBeCloseTo(expected, 9);
  } else if (expected !== null && typeof expected === 'object') {
    expect(actual !== null && typeof actual === 'object', path).toBe(true);
    expect(Object.keys(actual as object).sort(), path).toEqual(Object.keys(expected).sort());
    for (const [k, v] of Object.entries(expected)) expectMatches((actual as Record<string, unknown>)[k], v, `${path}.${k}`);
  } else expect(actual, path).toBe(expected);
}

// Formatting as the page shows it, spelled out here rather than imported.
const dash = '–';
const fixed = (n: number | null, d = 2) => (n === null ? dash : n.toFixed(d));
const share = (n: number | null) => (n === null ? dash : `${(n * 100).toFixed(1)}%`);
const signed = (n: number | null) => (n === null ? dash : Number(n.toFixed(2)) === 0 ? '0.00' : n > 0 ? `+${n.toFixed(2)}` : n.toFixed(2));

/** The text of every body row's header and cells of the table with this id. */
function tableRows(html: string, id: string): string[][] {
  const table = html.match(new RegExp(`<table[^>]*id="${id}"[^>]*>([\\s\\S]*?)</table>`))?.[1];
  if (!table) throw new Error(`no table #${id}`);
  const body = table.match(/<tbody>([\s\S]*?)<\/tbody>/)![1]!;
  return [...body.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((tr) =>
    [...tr[1]!.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((cell) => cell[1]!.replace(/<[^>]+>/g, '').replaceAll('&amp;', '&').trim()),
  );
}

const page = (c: Client, suffix = '') => c.get(`/admin/assignments/${assignmentId}/analytics${suffix}`);
const json = (c: Client) => c.get(`/admin/assignments/${assignmentId}/analytics`, { accept: 'application/json' });

describe('assignment analytics against an independent oracle', () => {
  it('seeds what the figures need: 20 released reviews, revisions, outdated rubrics, pending and immediate results', () => {
    const o = oracle();
    expect(o.counts.reviewed).toBe(20);
    expect(o.counts.evaluations).toBe(20 + 5 + 2 + 1);
    expect(o.counts.revisionPairs).toBe(8);
    // Reviewed 3, 8 and 13 and one immediate used the old rubric; the pending one and the other assignment's don't count.
    expect(o.outdated.count).toBe(4);
    expect(o.outdated.reviewed).toBe(3);
    for (const row of o.agreement.criteria) expect(row.kappa).not.toBeNull();
    expect(o.agreement.criteria.some((r) => r.exact !== 1)).toBe(true);
  });

  it('answers JSON equal to the oracle, figure by figure', async () => {
    const res = await json(owner);
    expect(res.status).toBe(200);
    expectMatches(await res.json(), oracle());
  });

  it('shows the same figures in the page tables, with an accessible chart per criterion and no inline style or script', async () => {
    const res = await page(owner);
    expect(res.status).toBe(200);
    const html = await res.text();
    const o = oracle();
    const agreementRows = [...o.agreement.criteria, o.agreement.pooled].map((r) => [r.name, String(r.n), share(r.exact), share(r.withinOne), signed(r.meanDiff), fixed(r.kappa)]);
    expect(tableRows(html, 'agreement-table')).toEqual(agreementRows);
    expect(html).toContain(`<span class="overall-mean-diff">${signed(o.agreement.overallMeanDiff)}</span>`);
    expect(tableRows(html, 'distribution-table')).toEqual(o.distributions.map((d) => [d.name, ...d.counts.map(String)]));
    expect(tableRows(html, 'averages-table')).toEqual([['Overall', String(o.averages.overall.n), fixed(o.averages.overall.mean)], ...o.averages.criteria.map((c) => [c.name, String(c.n), fixed(c.mean)])]);
    expect(tableRows(html, 'growth-table')).toEqual([['Overall', String(o.growth.pairs), signed(o.growth.overall)], ...o.growth.criteria.map((c) => [c.name, String(c.n), signed(c.mean)])]);
    const charts = [...html.matchAll(/<svg class="chart distribution"[^>]*role="img"[^>]*aria-labelledby="([^"]+)"/g)];
    expect(charts).toHaveLength(rubric.criteria.length);
    for (const [, ids] of charts) for (const id of ids!.split(' ')) expect(html).toContain(`id="${id}"`);
    expect(html).toContain(`Score distribution: ${rubric.criteria[0]!.name.replaceAll('&', '&amp;')}`);
    const section = html.slice(html.indexOf('<section class="analytics"'), html.indexOf('</section>'));
    expect(section).not.toMatch(/\sstyle=|<script|\son[a-z]+=/);
    expect(section).toMatch(new RegExp(`<strong>${o.outdated.count} results were</strong> scored with an earlier rubric`));
    for (const id of o.outdated.ids) expect(section).toContain(`href="/admin/evaluations/${id}"`);
  });

  it('exports the same figures as CSV, one a line', async () => {
    const res = await page(owner, '.csv');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    expect(res.headers.get('content-disposition')).toContain(`assignment-${assignmentId}-analytics.csv`);
    const [header, ...lines] = parseCsv((await res.text()).replace(/^\uFEFF/, ''));
    expect(header).toEqual(['section', 'criterion_id', 'criterion', 'measure', 'level', 'value']);
    const figures = lines.filter(([s]) => s !== 'outdated');
    const got = new Map(figures.map(([s, id, , m, l, v]) => [`${s}|${id}|${m}|${l}`, v!]));
    expect(got.size).toBe(figures.length);
    const o = oracle();
    const want = new Map<string, number | null>();
    const put = (s: string, id: string, m: string, v: number | null, l = '') => want.set(`${s}|${id}|${m}|${l}`, v);
    Object.entries({ evaluations: o.counts.evaluations, reviewed: o.counts.reviewed, revision_pairs: o.counts.revisionPairs, unreadable: 0, outdated: o.outdated.count, outdated_reviewed: o.outdated.reviewed }).forEach(([m, v]) => put('count', '', m, v));
    for (const r of [...o.agreement.criteria, o.agreement.pooled]) {
      const id = r.criterionId ?? '';
      put('agreement', id, 'n', r.n), put('agreement', id, 'exact', r.exact), put('agreement', id, 'within_one', r.withinOne);
      put('agreement', id, 'mean_diff', r.meanDiff), put('agreement', id, 'quadratic_weighted_kappa', r.kappa);
    }
    put('agreement', '', 'overall_mean_diff', o.agreement.overallMeanDiff);
    for (const d of o.distributions) d.counts.forEach((n, i) => put('distribution', d.id, 'count', n, String(rubric.scale.min + i)));
    put('average', '', 'n', o.averages.overall.n), put('average', '', 'mean', o.averages.overall.mean);
    for (const c of o.averages.criteria) put('average', c.id, 'n', c.n), put('average', c.id, 'mean', c.mean);
    put('growth', '', 'n', o.growth.pairs), put('growth', '', 'mean_change', o.growth.overall);
    for (const c of o.growth.criteria) put('growth', c.id, 'n', c.n), put('growth', c.id, 'mean_change', c.mean);
    expect([...got.keys()].sort()).toEqual([...want.keys()].sort());
    for (const [k, v] of want) (v === null ? expect(got.get(k), k).toBe('') : expect(Number(got.get(k)), k).toBeCloseTo(v, 9));
    expect(lines.filter(([s]) => s === 'outdated').map((l) => Number(l[5]))).toEqual(o.outdated.ids);
  });
});

describe('who may see an assignment\'s analytics', () => {
  it('lets its instructor and admins in', async () => {
    for (const c of [owner, admin]) {
      expect((await page(c)).status).toBe(200);
      expect((await page(c, '.csv')).status).toBe(200);
    }
  });

  it('answers 404 to an instructor who does not teach it (page, JSON, CSV), and for unknown ids', async () => {
    expect((await page(stranger)).status).toBe(404);
    expect((await json(stranger)).status).toBe(404);
    const csv = await page(stranger, '.csv');
    expect(csv.status).toBe(404);
    expect(await csv.text()).not.toContain('agreement');
    expect((await owner.get('/admin/assignments/1/analytics')).status).toBe(404);
    for (const id of ['999999', 'abc']) expect((await admin.get(`/admin/assignments/${id}/analytics.csv`)).status).toBe(404);
  });

  it('refuses students with 403', async () => {
    expect((await page(student)).status).toBe(403);
    expect((await page(student, '.csv')).status).toBe(403);
  });

  it('counts only the assignment\'s own evaluations', async () => {
    const res = await admin.get('/admin/assignments/1/analytics', { accept: 'application/json' });
    const body = (await res.json()) as { counts: { evaluations: number; reviewed: number }; outdated: { count: number }; agreement: { pooled: { kappa: number | null } } };
    expect(body.counts).toMatchObject({ evaluations: 4, reviewed: 0 });
    expect(body.outdated.count).toBe(4);
    expect(body.agreement.pooled.kappa).toBeNull();
  });
});


