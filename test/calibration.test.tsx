import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dump } from 'js-yaml';
import { parse } from 'csv-parse/sync';
import type { FileConfig } from '../src/config/load.ts';
import { insertConfigVersion } from '../src/db/queries/config-versions.ts';
import { createProvider } from '../src/llm/provider.ts';
import { pruneRawTracesJob } from '../src/jobs/prune.ts';
import { createLogger } from '../src/logger.ts';
import { DAY } from '../src/time.ts';
import { createAccount, makeTestApp, signedIn, type Client, type TestApp } from './helpers/app.ts';
import { configWithAnchors, TEST_ANCHORS } from './helpers/calibration-fixture.ts';
import { count, row, rows } from './helpers/db.ts';
import { FakeAnthropic, type Step } from './helpers/fake-anthropic.ts';
import { fakeGrader, type GraderAnswer } from './helpers/fake-grader.ts';

const KEY = 'sk-ant-calibration-tests-key';
const JSON_ACCEPT = { accept: 'application/json' };

let fake: FakeAnthropic;
let t: TestApp;
let admin: Client;
let config: { dir: string; remove(): void };

async function startApp(llm: Partial<FileConfig['llm']> = {}, anchors?: readonly object[]): Promise<void> {
  config = configWithAnchors({ anchors });
  t = makeTestApp({
    env: { CONFIG_DIR: config.dir },
    files: (f) => ({ ...f, llm: { ...f.llm, concurrency: 2, ...llm } }),
    provider: (files) => createProvider(files.llm, KEY, fake.url),
  });
  admin = await signedIn(t, 'bo-admin');
}

beforeEach(async () => {
  fake = new FakeAnthropic();
  await fake.start();
});
afterEach(async () => {
  await t?.close();
  config?.remove();
  await fake.stop();
});

/** Starts a run through the form and waits until it has finished; returns its id. */
async function runCalibration(fields: Record<string, string> = {}): Promise<number> {
  const res = await admin.post('/admin/calibration', { assignment: 'memo', samples: '3', ...fields });
  expect(res.status).toBe(303);
  const id = Number(/\/admin\/calibration\/(\d+)$/.exec(res.headers.get('location')!)![1]);
  await t.calibrations.whenDone(id);
  return id;
}

interface JsonCheck { key: string; expected: [number, number] | null; scores: number[]; median: number | null; inRange: boolean | null; spread: { range: number; sd: number } | null }
interface JsonReport { status: string; error: string | null; config: { draft: { name: string; version: number } | null; sources: Record<string, number> }; report: { anchors: { id: string; checks: JsonCheck[] }[]; totals: { hitRate: number; meanSpread: number; worstSpread: { range: number }; readingsFailed: number } }; failedReadings: { anchor: string; error: string }[] }

async function runJson(id: number): Promise<JsonReport> {
  const res = await admin.get(`/admin/calibration/${id}`, JSON_ACCEPT);
  expect(res.status).toBe(200);
  return (await res.json()) as JsonReport;
}

// The oracle: the grader's own answers, grouped by memo, with range and population sd done here.
const sameMemo = (a: GraderAnswer, memo: string) => a.memo.trim() === memo.trim();
function oracleRange(xs: number[]): number {
  return Math.max(...xs) - Math.min(...xs);
}
function oracleSd(xs: number[]): number {
  const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
  return Math.sqrt(xs.reduce((s, x) => s + (x - mean) * (x - mean), 0) / xs.length);
}
function oracleMedian(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
}

describe('calibration runs against the fake grader (noise seed 42, 3 readings)', () => {
  it('stores spreads and a hit rate equal to an oracle built from the answers the fake gave (JSON, CSV, database)', async () => {
    await startApp();
    const grader = fakeGrader({ noise: { seed: 42 } });
    fake.responder = grader.responder;
    const id = await runCalibration();
    const json = await runJson(id);
    expect(json.status).toBe('done');
    expect(grader.answers).toHaveLength(TEST_ANCHORS.length * 3);
    const rubric = t.config.current.files.rubric;
    const csv = parse(await (await admin.get(`/admin/calibration/${id}.csv`)).text(), { columns: true }) as Record<string, string>[];
    let hits = 0;
    let checks = 0;
    const ranges: number[] = [];
    for (const anchor of TEST_ANCHORS) {
      const answers = grader.answers.filter((a) => sameMemo(a, anchor.memo));
      expect(answers).toHaveLength(3);
      const reported = json.report.anchors.find((a) => a.id === anchor.id)!;
      for (const c of rubric.criteria) {
        const scores = answers.map((a) => a.scores[c.id]!);
        const check = reported.checks.find((k) => k.key === c.id)!;
        expect([...check.scores].sort()).toEqual([...scores].sort());
        expect(check.spread!.range).toBe(oracleRange(scores));
        expect(check.spread!.sd).toBeCloseTo(oracleSd(scores), 12);
        const line = csv.find((r) => r.anchor === anchor.id && r.criterion === c.id)!;
        expect(Number(line.range)).toBe(oracleRange(scores));
        expect(Number(line.sd)).toBeCloseTo(oracleSd(scores), 12);
        ranges.push(oracleRange(scores));
        const expected = (anchor.expected.criteria as Record<string, readonly [number, number]>)[c.id];
        if (expected) {
          checks++;
          const m = oracleMedian(scores);
          if (m >= expected[0] && m <= expected[1]) hits++;
        }
      }
      const weight = rubric.criteria.reduce((s, c) => s + c.weight, 0);
      const overalls = answers.map((a) => rubric.criteria.reduce((s, c) => s + a.scores[c.id]! * c.weight, 0) / weight);
      const m = oracleMedian(overalls);
      checks++;
      if (m >= anchor.expected.overall[0] - 1e-9 && m <= anchor.expected.overall[1] + 1e-9) hits++;
    }
    expect(json.report.totals.hitRate).toBeCloseTo(hits / checks, 12);
    expect(json.report.totals.meanSpread).toBeCloseTo(ranges.reduce((s, x) => s + x, 0) / ranges.length, 12);
    const stored = row<{ hit_rate: number; mean_spread: number; worst_spread: number; readings_done: number; readings_total: number }>(t.db.$client, 'select * from calibration_runs where id = ?', id)!;
    expect(stored.hit_rate).toBeCloseTo(hits / checks, 12);
    expect(stored.mean_spread).toBeCloseTo(ranges.reduce((s, x) => s + x, 0) / ranges.length, 12);
    expect(stored.worst_spread).toBe(Math.max(...ranges));
    expect([stored.readings_done, stored.readings_total]).toEqual([9, 9]);
    expect(row<{ actor_name: string; target: string }>(t.db.$client, "select actor_name, target from audit_log where action = 'calibration.start'")).toEqual({ actor_name: 'bo-admin', target: `calibration run ${id}` });
    // The database keeps every reading's scores: the same multiset the grader answered.
    const dbScores = rows<{ scores_json: string }>(t.db.$client, 'select scores_json from calibration_readings where run_id = ?', id).map((r) => JSON.parse(r.scores_json) as Record<string, number>);
    expect(dbScores.map((s) => s.clarity).sort()).toEqual(grader.answers.map((a) => a.scores.clarity).sort());
    // Noise actually moved something, so the spread figures are not trivially zero.
    expect(Math.max(...ranges)).toBeGreaterThan(0);
  });

  it('shows the report page: totals, how to read it, a table per anchor and a strip plot per criterion', async () => {
    await startApp();
    fake.responder = fakeGrader({ noise: { seed: 42 } }).responder;
    const id = await runCalibration();
    const html = await (await admin.get(`/admin/calibration/${id}`)).text();
    expect(html).toContain('Hit rate');
    expect(html).toContain('How to read this');
    for (const a of TEST_ANCHORS) expect(html).toContain(a.title);
    expect(html.match(/<svg[^>]*role="img"/g)).toHaveLength(t.config.current.files.rubric.criteria.length + 1);
    expect(html).toContain('<title>Clarity and concision: readings per anchor');
    expect(html).toMatch(/✓ in range|✗ out by/);
    const list = await (await admin.get('/admin/calibration')).text();
    expect(list).toContain(`/admin/calibration/${id}`);
    expect(list).toContain('rubric v0 · prompt v0 · llm v0');
  });

  it('a draft run records the draft and sends its text', async () => {
    await startApp();
    const grader = fakeGrader({ noise: { seed: 42 } });
    fake.responder = grader.responder;
    const rubric = structuredClone(t.config.current.files.rubric);
    rubric.criteria.find((c) => c.id === 'clarity')!.name = 'Plain words, short sentences';
    const version = insertConfigVersion(t.db, { name: 'rubric', yaml: dump(rubric), hash: 'draft-hash', author: { id: row<{ id: string }>(t.db.$client, "select id from users where username = 'bo-admin'")!.id, username: 'bo-admin' }, note: 'draft', now: Date.now(), status: 'draft' });
    const id = await runCalibration({ draft: `rubric:${version}` });
    const json = await runJson(id);
    expect(json.status).toBe('done');
    expect(json.config.draft).toEqual({ name: 'rubric', version });
    expect(json.config.sources.rubric).toBe(version);
    const systems = fake.requests.map((r) => JSON.stringify(r.body.system));
    expect(systems.every((s) => s.includes('Plain words, short sentences'))).toBe(true);
    const html = await (await admin.get(`/admin/calibration/${id}`)).text();
    expect(html).toContain('draft under test');
    expect(await (await admin.get('/admin/calibration')).text()).toContain(`draft rubric v${version}`);
  });

  it('stops a run with a clear error when the budget is used up', async () => {
    await startApp({ concurrency: 1, budget: { daily_usd: 0.000001, monthly_usd: 250, when_exceeded: 'refuse' } });
    fake.responder = fakeGrader({ noise: { seed: 42 } }).responder;
    const id = await runCalibration();
    const json = await runJson(id);
    expect(json.status).toBe('failed');
    expect(json.error).toMatch(/^budget used up after 1 of 9 readings/);
    expect(count(t.db, 'calibration_readings', 'run_id = ?', id)).toBe(1);
    expect(await (await admin.get(`/admin/calibration/${id}`)).text()).toContain('This run failed: budget used up after 1 of 9 readings');
  });

  it('shows a failed reading without failing the run', async () => {
    await startApp();
    const grader = fakeGrader({ noise: { seed: 42 } });
    let refused = false;
    fake.responder = (req): Step => {
      const text = JSON.stringify(req.body.messages);
      if (!refused && text.includes('just some thoughts on things')) {
        refused = true;
        return { kind: 'error', status: 400, message: 'fake: this request was refused' };
      }
      return grader.responder(req);
    };
    const id = await runCalibration();
    const json = await runJson(id);
    expect(json.status).toBe('done');
    expect(json.report.totals.readingsFailed).toBe(1);
    expect(json.failedReadings).toEqual([expect.objectContaining({ anchor: 'vague-note' })]);
    expect(json.report.anchors.find((a) => a.id === 'vague-note')!.checks[0]!.scores).toHaveLength(2);
    const html = await (await admin.get(`/admin/calibration/${id}`)).text();
    expect(html).toContain('Failed readings');
    expect(html).toContain('bad_request: The provider rejected the request (HTTP 400');
  });
});

describe('calibration through the Message Batches API', () => {
  it('sends every reading in one batch, polls it, reads the JSONL results, and pays half the direct price', async () => {
    await startApp({ prompt_caching: false });
    t.calibrations.batchPollMs = 10;
    fake.batchPollsInProgress = 2;
    const grader = fakeGrader({ noise: { seed: 42 } });
    fake.responder = grader.responder;
    const batchId = await runCalibration({ batch: '1' });
    const batch = await runJson(batchId);
    expect(batch.status).toBe('done');
    expect(row(t.db.$client, 'select mode from calibration_runs where id = ?', batchId)).toEqual({ mode: 'batch' });
    const calls = fake.requests.filter((r) => r.path.startsWith('/v1/messages/batches'));
    expect(calls.filter((r) => r.path === '/v1/messages/batches')).toHaveLength(1);
    expect((calls[0]!.body.requests as unknown[]).length).toBe(9);
    expect(calls.filter((r) => /\/v1\/messages\/batches\/[^/]+$/.test(r.path)).length).toBeGreaterThanOrEqual(3);
    expect(calls.some((r) => r.path.endsWith('/results'))).toBe(true);
    // The figures come from the batch's answers, matched by custom_id (the fake returns them reversed).
    for (const anchor of TEST_ANCHORS) {
      const answers = grader.answers.filter((a) => sameMemo(a, anchor.memo));
      const check = batch.report.anchors.find((a) => a.id === anchor.id)!.checks.find((c) => c.key === 'clarity')!;
      expect([...check.scores].sort()).toEqual(answers.map((a) => a.scores.clarity!).sort());
    }
    expect(await (await admin.get(`/admin/calibration/${batchId}`)).text()).toContain('Message Batches API (half price)');
    // The same readings sent directly (same answers, no prompt cache) cost twice as much.
    fake.responder = fakeGrader({ noise: { seed: 42 } }).responder;
    const directId = await runCalibration();
    const cost = (id: number) => row<{ cost_usd: number }>(t.db.$client, 'select cost_usd from calibration_runs where id = ?', id)!.cost_usd;
    expect(cost(batchId)).toBeGreaterThan(0);
    expect(cost(directId)).toBeCloseTo(cost(batchId) * 2, 10);
  });

  it('refuses batch mode with the demo evaluator', async () => {
    config = configWithAnchors();
    t = makeTestApp({ env: { CONFIG_DIR: config.dir } });
    admin = await signedIn(t, 'bo-admin');
    const res = await admin.post('/admin/calibration', { assignment: 'memo', samples: '1', batch: '1' });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('offline demo evaluator provider has no Message Batches API');
    expect(html).toMatch(/id="cal-batch"[^>]*checked/);
  });
});

describe('calibration retention', () => {
  it('forgets readings\' raw responses past raw_retention_days, keeping their scores', async () => {
    await startApp();
    fake.responder = fakeGrader().responder;
    const id = await runCalibration({ samples: '1' });
    expect(count(t.db, 'calibration_readings', 'run_id = ? and raw_response is not null', id)).toBe(3);
    const res = pruneRawTracesJob({ db: t.db, now: () => Date.now() + 31 * DAY, log: createLogger('silent') }, 30);
    expect(res.calibrationReadings).toBe(3);
    expect(count(t.db, 'calibration_readings', 'run_id = ? and raw_response is null and scores_json is not null', id)).toBe(3);
    expect((await runJson(id)).status).toBe('done');
  });
});

describe('calibration form and access', () => {
  it('answers 422 with the values kept, 404 for unknown runs, 409 for a run already going', async () => {
    await startApp();
    fake.responder = () => ({ kind: 'message', text: '{}', delayMs: 60_000 }) as Step;
    const before = count(t.db.$client, 'calibration_runs');
    for (const [fields, message] of [
      [{ assignment: 'nope', samples: '3' }, 'There is no assignment with the slug nope'],
      [{ assignment: 'memo', samples: '21' }, 'Enter a whole number from 1 to 20'],
      [{ assignment: 'memo', samples: '0' }, 'Enter a whole number from 1 to 20'],
      [{ assignment: 'memo', samples: '3', draft: 'rubric:99' }, 'There is no draft rubric:99'],
      [{ assignment: 'memo', samples: '3', draft: 'banana' }, 'Write the draft as name:version'],
    ] as const) {
      const res = await admin.post('/admin/calibration', fields);
      expect(res.status).toBe(422);
      const html = await res.text();
      expect(html).toContain(message);
      expect(html).toContain(`value="${fields.samples}"`);
    }
    expect(count(t.db.$client, 'calibration_runs')).toBe(before);
    expect((await admin.get('/admin/calibration/999')).status).toBe(404);
    expect((await admin.get('/admin/calibration/999.csv')).status).toBe(404);
    const first = await admin.post('/admin/calibration', { assignment: 'memo', samples: '1' });
    expect(first.status).toBe(303);
    const running = await (await admin.get(first.headers.get('location')!)).text();
    expect(running).toMatch(/of 3 readings/);
    expect(running).toContain('http-equiv="refresh"');
    const second = await admin.post('/admin/calibration', { assignment: 'memo', samples: '2' });
    expect(second.status).toBe(409);
    expect(await second.text()).toContain(`href="${first.headers.get('location')}"`);
  });

  it('takes the samples from llm.yaml when the form leaves them out (the config page\'s "Calibrate this draft"), and lists the run as JSON', async () => {
    await startApp();
    fake.responder = fakeGrader().responder;
    const res = await admin.post('/admin/calibration', { assignment: 'memo' });
    expect(res.status).toBe(303);
    const id = Number(res.headers.get('location')!.split('/').pop());
    await t.calibrations.whenDone(id);
    const list = (await (await admin.get('/admin/calibration', JSON_ACCEPT)).json()) as { runs: { id: number; samples: number; status: string; config: string }[]; total: number };
    expect(list.total).toBe(1);
    expect(list.runs[0]).toMatchObject({ id, samples: 3, status: 'done', config: 'rubric v0 · prompt v0 · llm v0' });
  });

  it('skips anchors that do not fit the rubric and says why on the run page', async () => {
    const misfit = { ...TEST_ANCHORS[0], id: 'misfit', expected: { overall: [3, 5], criteria: { tone: [1, 5] } } };
    await startApp({}, [...TEST_ANCHORS, misfit]);
    fake.responder = fakeGrader().responder;
    const id = await runCalibration({ samples: '1' });
    const json = (await (await admin.get(`/admin/calibration/${id}`, JSON_ACCEPT)).json()) as { skipped: { id: string; reasons: string[] }[]; readingsTotal: number };
    expect(json.skipped).toEqual([{ id: 'misfit', version: 0, reasons: ['expected.criteria.tone: the rubric has no criterion "tone"'] }]);
    expect(json.readingsTotal).toBe(TEST_ANCHORS.length);
    const html = await (await admin.get(`/admin/calibration/${id}`)).text();
    expect(html).toContain('Anchors skipped');
    expect(html).toContain('the rubric has no criterion &quot;tone&quot;');
  });

  it('refuses with a clear message when there are no anchor memos', async () => {
    await startApp({}, []);
    const res = await admin.post('/admin/calibration', { assignment: 'memo', samples: '3' });
    expect(res.status).toBe(422);
    expect(await res.text()).toContain('There are no anchor memos for');
  });

  it('lets instructors calibrate only the assignments they teach, and never a draft', async () => {
    await startApp();
    fake.responder = fakeGrader().responder;
    const id = await runCalibration({ samples: '1' });
    await createAccount(t, { username: 'ivy-instructor', password: 'ivy-instructor-password-1', role: 'instructor' });
    const ivy = t.client();
    expect((await ivy.post('/login', { username: 'ivy-instructor', password: 'ivy-instructor-password-1' })).status).toBe(303);
    expect((await ivy.get('/admin/calibration')).status).toBe(200);
    expect(await (await ivy.get('/admin/calibration')).text()).not.toContain(`/admin/calibration/${id}"`);
    expect((await ivy.get(`/admin/calibration/${id}`)).status).toBe(404);
    expect((await ivy.post('/admin/calibration', { assignment: 'memo', samples: '1' })).status).toBe(404);
    // Once she teaches it, the run and the form are hers; drafts stay admin-only.
    t.db.$client.prepare("insert into assignment_instructors (assignment_id, user_id) select id, (select id from users where username = 'ivy-instructor') from assignments where slug = 'memo'").run();
    expect((await ivy.get(`/admin/calibration/${id}`)).status).toBe(200);
    expect((await ivy.post('/admin/calibration', { assignment: 'memo', samples: '1', draft: 'rubric:1' })).status).toBe(403);
    expect(count(t.db.$client, 'calibration_runs')).toBe(1);
    // An admin's draft run stays the admin's: not in her list, 404 for its page.
    const rubric = t.config.current.files.rubric;
    const version = insertConfigVersion(t.db, { name: 'rubric', yaml: dump({ ...rubric, name: 'Draft rubric' }), hash: 'draft-hash', author: { id: row<{ id: string }>(t.db.$client, "select id from users where username = 'bo-admin'")!.id, username: 'bo-admin' }, note: 'draft', now: Date.now(), status: 'draft' });
    const draftRun = await runCalibration({ samples: '1', draft: `rubric:${version}` });
    expect(await (await ivy.get('/admin/calibration')).text()).not.toContain(`/admin/calibration/${draftRun}"`);
    expect((await ivy.get(`/admin/calibration/${draftRun}`)).status).toBe(404);
  });

  it('skips anchors longer than a student may send (llm.yaml max_chars in force)', async () => {
    await startApp({ max_chars: 300 });
    fake.responder = fakeGrader().responder;
    const id = await runCalibration({ samples: '1' });
    const json = (await (await admin.get(`/admin/calibration/${id}`, JSON_ACCEPT)).json()) as { skipped: { id: string; reasons: string[] }[] };
    const long = TEST_ANCHORS.filter((a) => [...a.memo].length > 300).map((a) => a.id);
    expect(long.length).toBeGreaterThan(0);
    expect(json.skipped.map((x) => x.id).sort()).toEqual([...long].sort());
    expect(json.skipped[0]!.reasons[0]).toMatch(/characters, more than llm\.yaml max_chars \(300\)/);
  });

  it("charges an llm draft's readings at the prices in force, not the draft's own", async () => {
    await startApp();
    fake.responder = fakeGrader().responder;
    const published = await runCalibration({ samples: '1' });
    const llm = t.config.current.files.llm;
    const cheap = { ...llm, effort: 'low', prices: { 'claude-sonnet-5-5': { input: 0.000001, output: 0.000001, cache_write: 0.000001, cache_read: 0.000001 } } };
    const version = insertConfigVersion(t.db, { name: 'llm', yaml: dump(cheap), hash: 'draft-llm', author: { id: row<{ id: string }>(t.db.$client, "select id from users where username = 'bo-admin'")!.id, username: 'bo-admin' }, note: 'cheap', now: Date.now(), status: 'draft' });
    const draft = await runCalibration({ samples: '1', draft: `llm:${version}` });
    const cost = (id: number) => row<{ c: number }>(t.db.$client, 'select sum(cost_usd) as c from calibration_readings where run_id = ?', id)!.c;
    expect(cost(published)).toBeGreaterThan(0);
    // Effort low thinks less than medium, so the draft's readings cost less, but at the real price, not ~0.
    expect(cost(draft)).toBeGreaterThan(cost(published) / 10);
    expect(fake.requests.at(-1)!.body.output_config).toMatchObject({ effort: 'low' });
  });
});
