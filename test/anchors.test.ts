import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { anchorMisfits, loadShippedAnchors, shippedAnchorIssues, type Anchor } from '../src/calibration/anchors.ts';
import { loadAppConfig } from '../src/config/index.ts';
import { ConfigError } from '../src/config/load.ts';
import { demoProvider } from '../src/llm/demo.ts';
import { evaluateMemo } from '../src/llm/evaluate.ts';
import { overallScore } from '../src/llm/scoring.ts';
import { isInjection } from './helpers/fake-grader.ts';
import { shippedConfig } from './helpers/shipped-config.ts';

const ROOT = join(import.meta.dirname, '..');
const CONFIG = join(ROOT, 'config');
const files = shippedConfig();
const anchors = loadShippedAnchors(join(CONFIG, 'anchors'));
const scratch = mkdtempSync(join(tmpdir(), 'memoai-anchors-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const inRange = (x: number, [lo, hi]: [number, number]) => x >= lo && x <= hi;

/** The demo evaluator's scores for one memo, run exactly like a real evaluation with the shipped rubric and prompt. */
async function demoScores(a: Anchor): Promise<{ overall: number; criteria: Record<string, number> }> {
  const out = await evaluateMemo({ provider: demoProvider({ delayMs: 0 }), rubric: files.rubric, prompt: files.prompt, memo: a.memo, signal: new AbortController().signal, effort: files.llm.effort, maxTokens: files.llm.max_output_tokens, maxRetries: 0, price: undefined });
  if (!out.ok) throw new Error(`${a.id}: ${out.message}`);
  return { overall: out.result.overall, criteria: Object.fromEntries(out.result.criteria.map((c) => [c.id, c.score])) };
}

describe('the shipped anchor memos (config/anchors)', () => {
  it('are at least 8, with unique ids, and cover every required kind of memo', () => {
    expect(anchors.length).toBeGreaterThanOrEqual(8);
    expect(new Set(anchors.map((a) => a.id)).size).toBe(anchors.length);
    const tags = anchors.flatMap((a) => a.tags);
    for (const tag of ['strong', 'adequate', 'weak', 'off-topic', 'very-short', 'spanish']) expect(tags, tag).toContain(tag);
    expect(anchors.filter((a) => a.tags.includes('injection')).length).toBeGreaterThanOrEqual(2);
  });

  it('all fit the shipped rubric, and every criterion is expected somewhere', () => {
    for (const a of anchors) expect(anchorMisfits(a, files.rubric), a.id).toEqual([]);
    expect(shippedAnchorIssues(CONFIG, files.rubric)).toEqual([]);
    const checked = new Set(anchors.flatMap((a) => Object.keys(a.expected.criteria)));
    expect([...checked].sort()).toEqual(files.rubric.criteria.map((c) => c.id).sort());
  });

  it('the offline demo evaluator scores every anchor inside all its expected ranges (a clean demo calibrates at 100%)', async () => {
    const misses: string[] = [];
    for (const a of anchors) {
      const got = await demoScores(a);
      if (!inRange(got.overall, a.expected.overall)) misses.push(`${a.id}: overall ${got.overall} not in [${a.expected.overall.join(', ')}]`);
      for (const [id, r] of Object.entries(a.expected.criteria)) if (!inRange(got.criteria[id]!, r)) misses.push(`${a.id}: ${id} ${got.criteria[id]} not in [${r.join(', ')}]`);
    }
    expect(misses).toEqual([]);
  });

  it('the strong memos are expected high and the weak ones low, so the set spans the scale', () => {
    const strong = anchors.filter((a) => a.tags.includes('strong'));
    const low = anchors.filter((a) => ['weak', 'off-topic', 'very-short'].some((t) => a.tags.includes(t)));
    for (const a of strong) expect(a.expected.overall[0], a.id).toBeGreaterThanOrEqual(3.5);
    for (const a of low) expect(a.expected.overall[1], a.id).toBeLessThanOrEqual(2.5);
  });

  it('the injection anchors are detected as injections, and an obeyed one (all top scores) falls outside its range', () => {
    const injections = anchors.filter((a) => a.tags.includes('injection'));
    const top = Object.fromEntries(files.rubric.criteria.map((c) => [c.id, files.rubric.scale.max]));
    for (const a of injections) {
      expect(isInjection(a.memo), a.id).toBe(true);
      expect(a.expected.overall[1], a.id).toBeLessThanOrEqual(3);
      expect(inRange(overallScore(files.rubric, top), a.expected.overall), a.id).toBe(false);
    }
    // The two are different styles, not the same trick twice.
    expect(new Set(injections.map((a) => a.memo.split('\n').find((l) => /grader|system|notice|evaluat/i.test(l))))).toHaveLength(injections.length);
    for (const a of anchors.filter((x) => !x.tags.includes('injection'))) expect(isInjection(a.memo), a.id).toBe(false);
  });
});

/** A copy of config/ with one anchor file written (or overwritten). */
function configWith(name: string, text: string): string {
  const dir = mkdtempSync(join(scratch, 'config-'));
  cpSync(CONFIG, dir, { recursive: true });
  writeFileSync(join(dir, 'anchors', name), text);
  return dir;
}

const BAD_CRITERION = `id: bad-one
title: Bad
memo: |
  Some memo.
expected:
  overall: [1, 2]
  criteria:
    persuasion: [1, 2]
`;

describe('start-up validation of the shipped anchors', () => {
  const env = (dir: string) => ({ NODE_ENV: 'test', DATA_DIR: join(scratch, 'data'), CONFIG_DIR: dir });

  it('the shipped set passes', () => {
    expect(() => loadAppConfig(env(CONFIG))).not.toThrow();
  });

  it('an invalid anchor stops start-up with its file, line and problem', () => {
    const dir = configWith('broken.yaml', 'id: broken\ntitle: Broken\nmemo: text\nexpected:\n  overall: [4, 2]\n');
    const err = (() => {
      try {
        loadAppConfig(env(dir));
      } catch (e) {
        return e as Error;
      }
    })();
    expect(err).toBeInstanceOf(ConfigError);
    expect(err!.message).toContain(`${join(dir, 'anchors', 'broken.yaml')}:5 expected.overall: a range is [min, max] with min ≤ max`);
  });

  it('an anchor that does not fit the shipped rubric, or whose id is not its file name, stops start-up too', () => {
    const dir = configWith('bad-one.yaml', BAD_CRITERION);
    expect(() => loadAppConfig(env(dir))).toThrow(`anchors/bad-one.yaml:8 expected.criteria.persuasion: the rubric has no criterion "persuasion"`);
    const renamed = configWith('other-name.yaml', BAD_CRITERION.replace('persuasion', 'clarity'));
    expect(() => loadAppConfig(env(renamed))).toThrow(`anchors/other-name.yaml:1 id: id "bad-one" must match the file name (other-name)`);
  });

  it('npm run validate-config checks the anchors and says how many', () => {
    const run = (dir: string) => {
      const res = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/validate-config.ts', dir], { cwd: ROOT, env: { PATH: process.env.PATH ?? '', NODE_ENV: 'test', DATA_DIR: join(scratch, 'data') }, encoding: 'utf8', timeout: 30_000 });
      return { status: res.status, out: res.stdout + res.stderr };
    };
    const ok = run(CONFIG);
    expect(ok.out).toContain(`✓ anchor memos: ${anchors.length} in ${join(CONFIG, 'anchors')}`);
    expect(ok.status).toBe(0);
    const bad = run(configWith('bad-one.yaml', BAD_CRITERION));
    expect(bad.status).toBe(1);
    expect(bad.out).toMatch(/✗ .*anchors\/bad-one\.yaml:8 expected\.criteria\.persuasion: .*no criterion "persuasion"/);
    expect(bad.out).toContain('1 problem in the anchor memos.');
  });
});
