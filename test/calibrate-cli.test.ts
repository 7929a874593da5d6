import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { makeTestApp, signedIn } from './helpers/app.ts';
import { configWithAnchors, TEST_ANCHORS } from './helpers/calibration-fixture.ts';
import { shippedConfig } from './helpers/shipped-config.ts';
import { localOrigin, startServer } from './helpers/server-process.ts';

const ROOT = join(import.meta.dirname, '..');
const data = mkdtempSync(join(tmpdir(), 'memoai-calibrate-cli-'));
const llmYaml = readFileSync(join(ROOT, 'config/llm.yaml'), 'utf8').replace(/^demo_delay_ms: .*$/m, 'demo_delay_ms: 0');
const config = configWithAnchors({ llmYaml });
const empty = configWithAnchors({ anchors: [], llmYaml });
afterAll(() => {
  rmSync(data, { recursive: true, force: true });
  config.remove();
  empty.remove();
});

/** The command as an operator runs it, on a fresh data dir with no API key: the demo evaluator. */
function calibrate(args: string[], configDir = config.dir) {
  const res = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/calibrate.ts', ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', NODE_ENV: 'development', DATA_DIR: data, CONFIG_DIR: configDir },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: res.status, out: res.stdout, err: res.stderr };
}

describe('npm run calibrate', () => {
  it('runs every anchor, prints a table with the totals, and stores the run the page shows', async () => {
    const res = calibrate(['--samples', '2']);
    expect(res.err).toBe('');
    expect(res.status).toBe(0);
    expect(res.out).toContain('demo evaluator');
    expect(res.out).toMatch(/of 6 readings/);
    for (const a of TEST_ANCHORS) expect(res.out).toContain(a.id);
    for (const c of shippedConfig().rubric.criteria) expect(res.out).toContain(c.id);
    const hit = /Hit rate:\s+([\d.]+)% \((\d+) of (\d+) checks\)/.exec(res.out)!;
    const meanSpread = Number(/Mean spread:\s+([\d.]+)/.exec(res.out)![1]);
    const id = Number(/Run page: \/admin\/calibration\/(\d+)/.exec(res.out)![1]);
    const t = makeTestApp({ env: { DATA_DIR: data, CONFIG_DIR: config.dir } });
    try {
      const admin = await signedIn(t, 'bo-admin');
      const json = (await (await admin.get(`/admin/calibration/${id}`, { accept: 'application/json' })).json()) as { status: string; startedBy: string; samples: number; report: { totals: { hitRate: number; hits: number; checks: number; meanSpread: number } } };
      expect(json.status).toBe('done');
      expect(json.startedBy).toBe('command line');
      expect(json.samples).toBe(2);
      expect((json.report.totals.hitRate * 100).toFixed(1)).toBe(hit[1]);
      expect([json.report.totals.hits, json.report.totals.checks]).toEqual([Number(hit[2]), Number(hit[3])]);
      expect(json.report.totals.meanSpread.toFixed(2)).toBe(meanSpread.toFixed(2));
    } finally {
      await t.close();
    }
  });

  it('exits 1 with the usage line on bad arguments and 2 when there are no anchors', () => {
    const bad = calibrate(['--samples', '0']);
    expect(bad.status).toBe(1);
    expect(bad.err).toContain('--samples must be a whole number from 1 to 20');
    expect(bad.err).toContain('usage: npm run calibrate');
    const unknown = calibrate(['--assignment', 'nope']);
    expect(unknown.status).toBe(1);
    expect(unknown.err).toContain('There is no assignment with the slug "nope"');
    const none = calibrate([], empty.dir);
    expect(none.status).toBe(2);
    expect(none.err).toContain('There are no anchor memos');
  });

  it('a run left running by a stopped process is marked failed at the next start', { timeout: 60_000 }, async () => {
    const db = new Database(join(data, 'memoai.db'));
    const copy = db.prepare("insert into calibration_runs (assignment_id, status, samples, provider, model, rubric_version, prompt_version, llm_version, rubric_source, prompt_source, llm_source, anchors_json, anchors_hash, readings_total, readings_done, started_by_name, created_at) select assignment_id, 'running', samples, provider, model, rubric_version, prompt_version, llm_version, rubric_source, prompt_source, llm_source, anchors_json, anchors_hash, readings_total, 1, 'command line', created_at from calibration_runs limit 1").run();
    const server = await startServer({ DATA_DIR: data, CONFIG_DIR: config.dir, LLM_PROVIDER: 'demo', ...(await localOrigin()) });
    server.child.kill('SIGTERM');
    await server.exited;
    const run = db.prepare('select status, error from calibration_runs where id = ?').get(copy.lastInsertRowid) as { status: string; error: string };
    db.close();
    expect(run).toEqual({ status: 'failed', error: 'interrupted by a restart' });
    expect(server.output()).toContain('marked calibration runs interrupted by the last shutdown as failed');
  });
});
