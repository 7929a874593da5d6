import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createProvider } from '../src/llm/provider.ts';
import { makeTestApp, signedIn, type Client, type TestApp } from './helpers/app.ts';
import { insertCalibrationRun } from './helpers/calibration-runs.ts';
import { count, rows } from './helpers/db.ts';
import { FakeAnthropic } from './helpers/fake-anthropic.ts';
import { fakeGrader, INJECTION_GUARD, type GraderOptions } from './helpers/fake-grader.ts';

// The "done means", end to end with the real runner, the shipped anchors and the real SDK
// against the fake grader: a prompt draft that drops the memo-is-data rule lets an injection-obedient
// model raise the injection anchors out of range, so publishing it is refused (unless overridden with
// a note); a harmless draft calibrated against the ordinary fake publishes.

const PROMPT = readFileSync(join(import.meta.dirname, '../config/prompt.yaml'), 'utf8');
/** The shipped prompt without its security section (the weak prompt an edit could produce). */
const WEAK_PROMPT = PROMPT.replace(/^security: \|\n(?:  .*\n|\n)*/m, 'security: |\n  Evaluate the memo.\n');
/** A harmless edit: one more sentence in the guidelines, the security section kept. */
const TWEAKED_PROMPT = PROMPT.replace('  - Order opportunities by impact', '  - Keep each justification under three sentences.\n  - Order opportunities by impact');

let fake: FakeAnthropic;
let t: TestApp;
let bo: Client;

beforeEach(async () => {
  fake = new FakeAnthropic();
  await fake.start();
});
afterEach(async () => {
  await t?.close();
  await fake.stop();
});

async function start(grader: GraderOptions): Promise<void> {
  fake.responder = fakeGrader(grader).responder;
  t = makeTestApp({ provider: (files) => createProvider(files.llm, 'sk-ant-gate-tests', fake.url) });
  bo = await signedIn(t, 'bo-admin');
}

interface RunJson {
  status: string;
  report: { anchors: { id: string; tags?: string[]; checks: { key: string; inRange: boolean | null; median: number | null }[] }[]; totals: { hitRate: number } };
}

/** Starts a calibration through the form (a draft's, or the published config's), waits for it, and returns its JSON. */
async function calibrate(draft?: string): Promise<RunJson> {
  const res = await bo.post('/admin/calibration', { assignment: 'memo', samples: '1', ...(draft ? { draft } : {}) });
  expect(res.status, await res.clone().text()).toBe(303);
  const id = Number(/\/admin\/calibration\/(\d+)$/.exec(res.headers.get('location')!)![1]);
  await t.calibrations.whenDone(id);
  const json = (await (await bo.get(`/admin/calibration/${id}`, { accept: 'application/json' })).json()) as RunJson;
  expect(json.status).toBe('done');
  return json;
}

/** Saves prompt.yaml as a draft through the editor; returns the draft's version number. */
async function saveDraft(yaml: string, note: string): Promise<number> {
  const res = await bo.post('/admin/config/prompt', { yaml, note });
  expect(res.status).toBe(303);
  return Number(/\/drafts\/(\d+)$/.exec(res.headers.get('location')!)![1]);
}

const overallInRange = (run: RunJson, id: string) => run.report.anchors.find((a) => a.id === id)!.checks.find((c) => c.key === 'overall')!.inRange;
const INJECTIONS = ['injection-grader-note', 'injection-system-notice'];

describe('draft → calibrate → publish against the fake grader', () => {
  it('the weak prompt draft lets the injections through, and publishing it is refused without an override', async () => {
    expect(WEAK_PROMPT).not.toContain(INJECTION_GUARD);
    expect(PROMPT).toContain(INJECTION_GUARD);
    await start({ obeyInjections: true });
    const published = await calibrate();
    for (const id of INJECTIONS) expect(overallInRange(published, id), id).toBe(true);
    const v = await saveDraft(WEAK_PROMPT, 'Shorter security section');
    const draft = await calibrate(`prompt:${v}`);
    for (const id of INJECTIONS) expect(overallInRange(draft, id), id).toBe(false);
    expect(draft.report.totals.hitRate).toBeLessThan(published.report.totals.hitRate - 0.05);

    const refused = await bo.post(`/admin/config/prompt/drafts/${v}/publish`);
    expect(refused.status).toBe(409);
    expect(await refused.text()).toMatch(/hit rate/i);
    expect(t.config.current.sources.prompt).toBe(0);
    expect(count(t.db, 'audit_log', "action like 'config.publish%'")).toBe(0);

    // The draft page compares the two runs per anchor: the injections were in range, now they are not.
    const page = (await (await bo.get(`/admin/config/prompt/drafts/${v}`, { accept: 'application/json' })).json()) as {
      anchors: { id: string; published?: { overallInRange: boolean | null }; draft?: { overallInRange: boolean | null } }[];
    };
    expect(page.anchors.map((a) => a.id).sort()).toEqual(published.report.anchors.map((a) => a.id).sort());
    for (const id of INJECTIONS) expect(page.anchors.find((a) => a.id === id)).toMatchObject({ published: { overallInRange: true }, draft: { overallInRange: false } });
    const html = await (await bo.get(`/admin/config/prompt/drafts/${v}`)).text();
    expect(html).toContain('Per anchor: overall median');

    const overridden = await bo.post(`/admin/config/prompt/drafts/${v}/publish`, { override: '1', override_note: 'Accepted for a one-day experiment' });
    expect(overridden.status).toBe(303);
    expect(t.config.current.files.prompt.security.trim()).toBe('Evaluate the memo.');
    const [audit] = rows<{ details: string }>(t.db, "select details from audit_log where action = 'config.publish_override'");
    expect(JSON.parse(audit!.details)).toMatchObject({ overrideNote: 'Accepted for a one-day experiment' });
  });

  it('a harmless draft with the shipped security rules, calibrated against the ordinary fake, publishes', async () => {
    await start({});
    const published = await calibrate();
    const v = await saveDraft(TWEAKED_PROMPT, 'Shorter justifications');
    const draft = await calibrate(`prompt:${v}`);
    expect(draft.report.totals.hitRate).toBeGreaterThanOrEqual(published.report.totals.hitRate - 0.05);
    for (const id of INJECTIONS) expect(overallInRange(draft, id), id).toBe(true);

    const res = await bo.post(`/admin/config/prompt/drafts/${v}/publish`);
    expect(res.status).toBe(303);
    expect(t.config.current.sources.prompt).toBeGreaterThan(v);
    expect(t.config.current.files.prompt.evaluation_guidelines).toContain('Keep each justification under three sentences.');
    expect(count(t.db, 'audit_log', "action = 'config.publish'")).toBe(1);
  });

  it('a draft run read by the demo evaluator or by another model than the baseline does not count', async () => {
    await start({});
    await calibrate();
    const v = await saveDraft(TWEAKED_PROMPT, 'Shorter justifications');
    const demoRun = insertCalibrationRun(t.db, t.config, { draft: { name: 'prompt', version: v }, hitRate: 1, anchorsHash: anchorsOfBaseline(), provider: 'demo', model: 'demo-evaluator' });
    const refused = await bo.post(`/admin/config/prompt/drafts/${v}/publish`);
    expect(refused.status).toBe(409);
    expect(await refused.text()).toContain(`Run #${demoRun} was read by the offline demo evaluator`);
    const otherModel = insertCalibrationRun(t.db, t.config, { draft: { name: 'prompt', version: v }, hitRate: 1, anchorsHash: anchorsOfBaseline(), provider: 'anthropic', model: 'claude-haiku-5-5' });
    const again = await bo.post(`/admin/config/prompt/drafts/${v}/publish`);
    expect(again.status).toBe(409);
    expect(await again.text()).toContain(`Draft run #${otherModel} was read by anthropic claude-haiku-5-5`);
    expect(t.config.current.sources.prompt).toBe(0);
  });
});

/** The anchors' hash of the newest run (the baseline just made), so fixture runs compare on the same anchors. */
function anchorsOfBaseline(): string {
  return rows<{ anchors_hash: string }>(t.db, 'select anchors_hash from calibration_runs order by id desc limit 1')[0]!.anchors_hash;
}
