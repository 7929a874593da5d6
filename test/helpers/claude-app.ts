import { afterEach, beforeEach } from 'vitest';
import type { FileConfig } from '../../src/config/load.ts';
import { createProvider } from '../../src/llm/provider.ts';
import { makeTestApp, type TestApp } from './app.ts';
import { FakeAnthropic } from './fake-anthropic.ts';

/** The metrics token the apps below are started with (for /health details and /metrics). */
export const METRICS_TOKEN = 'metrics-token-for-claude-tests';
const KEY = 'sk-ant-claude-tests-key';

/**
 * A fresh fake Messages server per test, and a factory for the real app on the shipped config (with
 * llm.yaml tweaks) talking to it through the real SDK. Both are stopped after each test.
 */
export function useClaudeApp() {
  const ctx = { fake: undefined as unknown as FakeAnthropic, app: undefined as TestApp | undefined };
  beforeEach(async () => {
    ctx.fake = new FakeAnthropic();
    await ctx.fake.start();
  });
  afterEach(async () => {
    await ctx.app?.close();
    ctx.app = undefined;
    await ctx.fake.stop();
  });
  return {
    get fake(): FakeAnthropic {
      return ctx.fake;
    },
    start(llm: (l: FileConfig['llm']) => Partial<FileConfig['llm']> = () => ({})): TestApp {
      ctx.app = makeTestApp({
        env: { METRICS_TOKEN },
        files: (f) => ({ ...f, llm: { ...f.llm, ...llm(f.llm) } }),
        provider: (files) => createProvider(files.llm, KEY, ctx.fake.url),
      });
      return ctx.app;
    },
  };
}
