import { join } from 'node:path';
import type { Rubric } from '../src/config/schemas.ts';
import { shippedConfig } from '../test/helpers/app.ts';
import { FakeAnthropic } from '../test/helpers/fake-anthropic.ts';
import { tokensOf } from '../test/helpers/fake-anthropic-reply.ts';
import { SAMPLE_MEMO } from '../test/helpers/outputs.ts';
import { configDir, sleep, startApp, submitMemo } from './lib.ts';

// Time to first feedback (issue 16): the fake Messages API streams at a realistic pace and a client
// polls each evaluation's JSON the way the page does, noting when the first criterion shows and when
// the whole result does. Bounded: one wave of evaluations at once, well under two minutes.

/** Settings of the streaming run. */
export interface StreamingSettings {
  evaluations: number;
  thinkingMs: number;
  tokensPerSecond: number;
}

export interface StreamingResult {
  settings: StreamingSettings;
  answerTokens: number;
  firstMs: number[];
  fullMs: number[];
}

/** A realistically long answer: two-sentence justifications, three strengths and opportunities, four comments. */
function realisticAnswer(rubric: Rubric): string {
  const sentence = (id: string) =>
    `The memo addresses ${id.replace(/_/g, ' ')} with a clear statement near the top and supports it with the figures a finance reader expects. ` +
    'It would be stronger if the trade-off were named explicitly and the second paragraph tied each number back to the decision being requested.';
  const quotes = ['I recommend we approve $240,000 to automate picking at the Dayton warehouse by March 31.', 'The main risk is downtime during installation.'];
  const segment = (i: number) => ({
    quote: quotes[i % quotes.length]!,
    criterion: rubric.criteria[i % rubric.criteria.length]!.id,
    comment: 'This sentence carries the decision; a reader skimming the first lines gets the ask, the amount and the deadline, which is exactly what an executive summary should do.',
    questions: ['What happens if the installation slips by a month?', 'Who signs off on the vendor contract?'],
    suggestion: 'Add one clause naming the cost of doing nothing, so the amount reads as a trade-off rather than a request.',
  });
  return JSON.stringify({
    criteria: Object.fromEntries(rubric.criteria.map((c, i) => [c.id, { justification: sentence(c.id), score: 2 + (i % 3) }])),
    strengths: ['Opens with the recommendation and the amount.', 'Quantifies the payback period with sourced figures.', 'Keeps to one page.'],
    opportunities: ['Name the cost of waiting a quarter.', 'Say who owns the installation risk.', 'Cut the history of the warehouse to one sentence.'],
    segments: [0, 1, 2, 3].map(segment),
  });
}

async function timeOne(url: string, memo: string): Promise<{ firstMs: number; fullMs: number }> {
  const started = performance.now();
  const { id, cookie } = await submitMemo(url, memo);
  let firstMs = NaN;
  for (let i = 0; i < 1200; i++) {
    const res = await fetch(`${url}/evaluations/${id}`, { headers: { cookie, accept: 'application/json' } });
    const j = (await res.json()) as { status: string; result?: { criteria?: unknown[] } };
    const t = Math.round(performance.now() - started);
    if (Number.isNaN(firstMs) && (j.result?.criteria?.length ?? 0) > 0) firstMs = t;
    if (j.status === 'done') return { firstMs, fullMs: t };
    if (j.status === 'failed') throw new Error(`evaluation ${id} failed`);
    await sleep(100);
  }
  throw new Error(`evaluation ${id} did not finish`);
}

/** Runs `settings.evaluations` memos at once against the real server and the paced fake. */
export async function streamingPhase(work: string, settings: StreamingSettings, cpus: number, say: (s: string) => void): Promise<StreamingResult> {
  const fake = new FakeAnthropic();
  await fake.start();
  const answer = realisticAnswer(shippedConfig().rubric);
  fake.responder = () => ({ kind: 'message', text: answer });
  fake.streamPace = { thinkingMs: settings.thinkingMs, tokensPerSecond: settings.tokensPerSecond };
  const conf = configDir(join(work, 'config-streaming'), {
    llm: { provider: 'anthropic', concurrency: settings.evaluations, timeout_seconds: 120, total_timeout_seconds: 300, max_retries: 0 },
  });
  say(`streaming: ${settings.evaluations} evaluations at once, ${settings.thinkingMs} ms thinking then ${settings.tokensPerSecond} tokens/s (${tokensOf(answer)} answer tokens)…`);
  const app = await startApp({ DATA_DIR: join(work, 'data-streaming'), CONFIG_DIR: conf, ANTHROPIC_API_KEY: 'bench-key', ANTHROPIC_BASE_URL: fake.url }, join(work, 'app-streaming.log'), cpus);
  try {
    const runs = await Promise.all(Array.from({ length: settings.evaluations }, (_, i) => timeOne(app.url, `${SAMPLE_MEMO}\n\nStreaming memo ${i + 1}.`)));
    return { settings, answerTokens: tokensOf(answer), firstMs: runs.map((r) => r.firstMs), fullMs: runs.map((r) => r.fullMs) };
  } finally {
    await app.stop();
    await fake.stop();
  }
}

/** The p-th percentile (nearest rank) of `xs`. */
export function percentile(xs: number[], p: number): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export const STREAMING_HEADING = '## Time to first feedback (streamed criteria)';

/** The RESULTS.md section for the streaming run. */
export function renderStreaming(r: StreamingResult, date: Date): string {
  const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  const p50 = { first: percentile(r.firstMs, 50), full: percentile(r.fullMs, 50) };
  const p95 = { first: percentile(r.firstMs, 95), full: percentile(r.fullMs, 95) };
  return [
    STREAMING_HEADING,
    '',
    `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC. ${r.settings.evaluations} evaluations submitted at once (llm.yaml concurrency ${r.settings.evaluations}) through the real server and SDK; ` +
      `the fake Messages API thinks for ${s(r.settings.thinkingMs)}, then streams a realistic ${r.answerTokens}-token answer at ${r.settings.tokensPerSecond} tokens/s. ` +
      'Each client polls its evaluation\'s JSON every 100 ms, as the page does (every 2 s), and notes when the first criterion shows and when the result does.',
    '',
    '| | p50 | p95 |',
    '|---|---|---|',
    `| first criterion shown | ${s(p50.first)} | ${s(p95.first)} |`,
    `| full result | ${s(p50.full)} | ${s(p95.full)} |`,
    `| first ÷ full | ${Math.round((p50.first / p50.full) * 100)} % | ${Math.round((p95.first / p95.full) * 100)} % |`,
    '',
    `Target: first criterion ≤ 35 % of the full-result time at p50 — ${p50.first / p50.full <= 0.35 ? 'met' : 'not met'}. ` +
      'Before streaming, nothing showed until the full result.',
    '',
  ].join('\n');
}

/** `md` with the streaming section replaced, or appended when it is not there yet. */
export function withStreamingSection(md: string, section: string): string {
  const at = md.indexOf(STREAMING_HEADING);
  if (at < 0) return `${md.trimEnd()}\n\n${section}`;
  const next = md.indexOf('\n## ', at + STREAMING_HEADING.length);
  return `${md.slice(0, at)}${section}${next < 0 ? '' : md.slice(next + 1)}`;
}
