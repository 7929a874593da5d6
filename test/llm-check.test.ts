import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeAnthropic } from './helpers/fake-anthropic.ts';
import { shippedConfig } from './helpers/app.ts';
import { validOutput } from './helpers/outputs.ts';

const ROOT = join(import.meta.dirname, '..');
const KEY = 'sk-ant-llm-check-key';

let fake: FakeAnthropic;
let dir: string;
beforeEach(async () => {
  fake = new FakeAnthropic();
  await fake.start();
  dir = mkdtempSync(join(tmpdir(), 'memoai-llm-check-'));
});
afterEach(async () => {
  await fake.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** Runs `npm run llm-check` as an operator would (through tsx), against the fake. */
function llmCheck(env: Record<string, string>): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = execFile(join(ROOT, 'node_modules/.bin/tsx'), ['src/cli/llm-check.ts'], { cwd: ROOT, env: { PATH: process.env.PATH, DATA_DIR: dir, ...env }, timeout: 60_000 }, (error, out, err) =>
      resolve({ code: error ? (child.exitCode ?? 1) : 0, out, err }),
    );
  });
}

describe('npm run llm-check', () => {
  it('makes one call with the running configuration and prints model, effort, stop reason, tokens, latency and cost', async () => {
    fake.script({ kind: 'message', text: JSON.stringify(validOutput(shippedConfig().rubric)) });
    const r = await llmCheck({ ANTHROPIC_API_KEY: KEY, ANTHROPIC_BASE_URL: fake.url });
    expect(r.code).toBe(0);
    expect(fake.requests).toHaveLength(1);
    expect(r.out).toContain('model claude-sonnet-5-5, effort medium, max_tokens 16000, stop reason end_turn');
    expect(r.out).toMatch(/tokens: input \d+, output \d+ \(thinking 2000\), cache read 0, cache write \d+/);
    expect(r.out).toContain(`request id ${fake.requests[0]!.requestId}`);
    expect(r.out).toMatch(/cost \$0\.0\d+/);
    expect(r.out).toMatch(/^OK: overall \d\.\d/m);
    expect(r.out + r.err).not.toContain(KEY);
  }, 60_000);

  it('exits non-zero with Anthropic\'s error type and request id when the key is refused', async () => {
    fake.script({ kind: 'error', status: 401 });
    const r = await llmCheck({ ANTHROPIC_API_KEY: KEY, ANTHROPIC_BASE_URL: fake.url });
    expect(r.code).toBe(1);
    expect(r.err).toContain('FAILED (auth)');
    expect(r.err).toContain(`Anthropic error type: authentication_error; request id: ${fake.requests[0]!.requestId}`);
  }, 60_000);

  it('says there is nothing to check with the demo evaluator', async () => {
    const r = await llmCheck({});
    expect(r.code).toBe(2);
    expect(r.err).toContain('demo evaluator');
    expect(fake.requests).toHaveLength(0);
  }, 60_000);
});
