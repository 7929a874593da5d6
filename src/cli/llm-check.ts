import { existsSync } from 'node:fs';
import { loadAppConfig } from '../config/index.ts';
import { ConfigStore } from '../config-versions/store.ts';
import { openDatabase } from '../db/client.ts';
import type { AttemptRecord } from '../llm/attempts.ts';
import { evaluateMemo } from '../llm/evaluate.ts';
import { priceFor } from '../llm/prices.ts';
import { DEFAULT_ANTHROPIC_BASE_URL } from '../llm/provider.ts';

/** Short and plainly a business memo, so the check costs a fraction of a cent and never looks like a refusal case. */
const CHECK_MEMO = `TO: Priya Shah, Finance Director
FROM: Leo Martins, Customer Support
RE: Approve $18,000 for a help-desk chatbot pilot

I recommend we approve $18,000 for a three-month chatbot pilot on our help desk, starting May 1.
Half of our 2,400 monthly tickets are password resets; the vendor's customers cut those by 60%.
At 8 minutes per ticket that frees 96 staff hours a month. The main risk is wrong answers; every
chat offers a human hand-off. Please decide by April 15 so we can sign the vendor's pilot terms.`;

/** The running configuration: environment, config/*.yaml, and admin edits stored in the database. */
function runningConfig(): ConfigStore {
  const config = loadAppConfig();
  const store = new ConfigStore(config.env, config.files);
  if (existsSync(config.env.databasePath)) {
    const db = openDatabase(config.env.databasePath, { migrate: false });
    store.loadFromDatabase(db);
    db.$client.close();
  }
  return store;
}

function line(a: AttemptRecord): string {
  const u = a.usage;
  return [
    `  attempt: ${a.outcome}${a.httpStatus ? ` (HTTP ${a.httpStatus})` : ''}, request id ${a.requestId ?? '-'}`,
    `  model ${a.model}, effort ${a.effort ?? '-'}, max_tokens ${a.maxTokens}, stop reason ${a.stopReason ?? '-'}`,
    `  tokens: input ${u.inputTokens}, output ${u.outputTokens} (thinking ${u.thinkingTokens}), cache read ${u.cacheReadTokens}, cache write ${u.cacheWriteTokens}`,
    `  latency ${a.finishedAt - a.startedAt} ms, cost $${a.costUsd.toFixed(6)}`,
  ].join('\n');
}

/** `npm run llm-check`: one real call with the running configuration; exit 1 with the API's error type and request id on failure. */
async function main(): Promise<number> {
  const store = runningConfig();
  const { provider, files } = store.current;
  const llm = files.llm;
  if (provider.name === 'demo') {
    console.error('The provider is the offline demo evaluator (no ANTHROPIC_API_KEY, or LLM_PROVIDER=demo): there is no LLM to check.');
    return 2;
  }
  console.log(`Checking ${provider.model} at ${store.env.anthropicBaseUrl ?? DEFAULT_ANTHROPIC_BASE_URL} (effort ${llm.effort}, max_output_tokens ${llm.max_output_tokens})…`);
  const attempts: AttemptRecord[] = [];
  const out = await evaluateMemo({
    provider,
    rubric: files.rubric,
    prompt: files.prompt,
    memo: CHECK_MEMO,
    signal: AbortSignal.timeout(llm.total_timeout_seconds * 1000),
    effort: llm.effort,
    maxTokens: llm.max_output_tokens,
    maxRetries: 0,
    price: priceFor(llm, provider.model),
    onAttempt: (a) => {
      attempts.push(a);
      console.log(line(a));
    },
  });
  const total = `${out.trace.attempts} attempt(s), ${out.trace.latencyMs} ms, $${out.trace.costUsd.toFixed(6)}`;
  if (out.ok) {
    console.log(`OK: overall ${out.result.overall.toFixed(1)} (${out.result.band}), ${out.result.segments.length} segment(s); ${total}.`);
    return 0;
  }
  const last = attempts.at(-1);
  console.error(`FAILED (${out.kind}): ${out.message}`);
  if (last?.errorType || last?.requestId) console.error(`  Anthropic error type: ${last.errorType ?? '-'}; request id: ${last.requestId ?? '-'}`);
  if (last?.errorMessage) console.error(`  API message: ${last.errorMessage}`);
  console.error(`  ${total}`);
  return 1;
}

main().then(
  (code) => (process.exitCode = code),
  (err: unknown) => {
    console.error((err as Error).message);
    process.exitCode = 1;
  },
);
