import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { shippedConfig } from '../test/helpers/app.ts';
import { FakeAnthropic } from '../test/helpers/fake-anthropic.ts';
import { SAMPLE_MEMO, validOutput } from '../test/helpers/outputs.ts';
import { configDir, cpuSeconds, login, pinning, ROOT, RssSampler, runLoad, sleep, startApp, startBare, submitMemo, waitDone, type LoadResult, type Proc } from './lib.ts';
import { endpointTable, machine, renderResults, targetLines, type BacklogResult, type EndpointResult } from './report.ts';
import { seedHistory } from './seed-history.ts';
import { renderStreaming, streamingPhase, withStreamingSection, type StreamingSettings } from './streaming.ts';

// npm run bench: throughput and latency of the main pages against a bare node:http server, the
// server under a backlog of 1 000 slow evaluations, then time to first feedback with streamed
// criteria. Writes bench/RESULTS.md. Not part of npm test. BENCH_ONLY=streaming runs the last one
// alone and replaces just its section of bench/RESULTS.md; BENCH_ONLY=pages runs the first part alone
// and prints its table without writing the file.

const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 2);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const ROUNDS = Math.max(1, Math.floor(Number(process.env.BENCH_ROUNDS ?? 3)) || 1);
const HISTORY = Number(process.env.BENCH_HISTORY ?? 100_000);
const BACKLOG = Number(process.env.BENCH_BACKLOG ?? 1000);
const LLM_DELAY_MS = Number(process.env.BENCH_LLM_DELAY_MS ?? 10_000);
const NCPU = cpus().length;
const STREAMING: StreamingSettings = {
  evaluations: Number(process.env.BENCH_STREAMING_EVALUATIONS ?? 10),
  thinkingMs: Number(process.env.BENCH_THINKING_MS ?? 4000),
  tokensPerSecond: Number(process.env.BENCH_TOKENS_PER_SECOND ?? 60),
};
const ADMIN = { username: 'bench-admin', password: 'bench-admin-password-1' };
const OPEN_LIMITS = { rate_limits: { submissions_per_writer_per_hour: 100_000, requests_per_ip_per_hour: 10_000_000, logins_per_ip_per_15_minutes: 100_000 } };
/** Load from one address into one queue, paid for by nobody: the llm.yaml spending limits out of the way. */
const OPEN_LLM = { submissions_per_address_per_hour: 1_000_000, queue_cap: 1_000_000, budget: { daily_usd: 1_000_000, monthly_usd: 1_000_000, when_exceeded: 'refuse' } };

const say = (s: string) => process.stderr.write(`${s}\n`);

/** Warm-up (discarded), then the measured run, with the server's CPU time per request (`server`: its process). */
async function measure(opts: Record<string, unknown>, server: Proc): Promise<LoadResult> {
  await runLoad({ ...opts, duration: WARMUP, connections: CONNECTIONS }, NCPU);
  const before = cpuSeconds(server.pid);
  const r = await runLoad({ ...opts, duration: DURATION, connections: CONNECTIONS }, NCPU);
  const after = cpuSeconds(server.pid);
  if (before !== undefined && after !== undefined && r.requests.total > 0) r.cpuUsPerRequest = ((after - before) * 1e6) / r.requests.total;
  const cpu = r.cpuUsPerRequest === undefined ? '' : `, server CPU ${r.cpuUsPerRequest.toFixed(0)} µs/request`;
  say(`  ${(opts.method as string | undefined) ?? 'GET'} ${opts.url}: ${r.requests.average.toFixed(0)} req/s, p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms${cpu}, codes ${JSON.stringify(r.statusCodeStats)}, errors ${r.errors}`);
  return r;
}

interface Page {
  name: string;
  note: string;
  opts: Record<string, unknown>;
}

/**
 * The bare server and the app side by side (both pinned to the server CPU, the one not measured
 * idle), measured in ROUNDS rounds: in each, the bare server, then every page. A page's ratio is
 * taken against the bare server of its own round, minutes apart at most, so that a machine whose
 * speed drifts (other virtual machines on the host) moves both sides of a ratio alike. The post is
 * measured once, last: the evaluations it queues would load the rounds after it.
 */
async function endpointPhase(work: string): Promise<{ bare: LoadResult[]; rows: EndpointResult[]; seedMs: number }> {
  say(`seeding ${HISTORY} evaluations…`);
  const dataDir = join(work, 'data');
  const { ms: seedMs } = seedHistory(join(dataDir, 'memoai.db'), HISTORY);
  say(`  seeded in ${seedMs} ms`);
  const conf = configDir(join(work, 'config'), { llm: { provider: 'demo', demo_delay_ms: 0, ...OPEN_LLM }, auth: OPEN_LIMITS });

  say('bare node:http baseline and the app server (demo evaluator)…');
  const bareServer = await startBare(NCPU);
  const app = await startApp({ DATA_DIR: dataDir, CONFIG_DIR: conf, ADMIN_USERNAME: ADMIN.username, ADMIN_PASSWORD: ADMIN.password }, join(work, 'app.log'), NCPU);
  try {
    const writer = await submitMemo(app.url, SAMPLE_MEMO);
    await waitDone(app.url, writer.id, writer.cookie);
    const admin = await login(app.url, ADMIN.username, ADMIN.password);
    const etag = (await fetch(`${app.url}/evaluations/${writer.id}`, { headers: { cookie: writer.cookie } })).headers.get('etag') ?? '';
    const pages: Page[] = [
      { name: 'GET /', note: 'memo form, anonymous', opts: { url: `${app.url}/` } },
      { name: 'GET /evaluations/:id', note: 'a finished result, its writer', opts: { url: `${app.url}/evaluations/${writer.id}`, headers: { cookie: writer.cookie } } },
      { name: 'GET /evaluations/:id (If-None-Match)', note: 'the same, revalidated by a browser holding it: 304', opts: { url: `${app.url}/evaluations/${writer.id}`, headers: { cookie: writer.cookie, 'if-none-match': etag } } },
      { name: 'GET /admin/evaluations (page 1)', note: `${HISTORY.toLocaleString('en-US')} evaluations`, opts: { url: `${app.url}/admin/evaluations`, headers: { cookie: admin } } },
      { name: 'GET /admin/evaluations?page=200', note: 'offset 9 950', opts: { url: `${app.url}/admin/evaluations?page=200`, headers: { cookie: admin } } },
    ];
    const bare: LoadResult[] = [];
    const rows: EndpointResult[] = pages.map(({ name, note }) => ({ name, note, rounds: [], ratios: [] }));
    const record = (row: EndpointResult, r: LoadResult) => {
      row.rounds.push(r);
      row.ratios.push(r.requests.average / bare.at(-1)!.requests.average);
    };
    for (let round = 1; round <= ROUNDS; round++) {
      say(`round ${round} of ${ROUNDS}`);
      bare.push(await measure({ url: `${bareServer.url}/` }, bareServer));
      for (const [i, page] of pages.entries()) record(rows[i]!, await measure(page.opts, app));
    }
    const post: EndpointResult = { name: 'POST /submissions', note: '303; each a new anonymous writer; demo evaluator (0 ms) works the queue meanwhile; measured once, after the last round', rounds: [], ratios: [] };
    record(post, await measure({ url: `${app.url}/submissions`, method: 'POST', body: new URLSearchParams({ text: SAMPLE_MEMO }).toString(), headers: { origin: app.url, 'content-type': 'application/x-www-form-urlencoded' } }, app));
    return { bare, rows: [...rows, post], seedMs };
  } finally {
    await Promise.all([app.stop(), bareServer.stop()]);
  }
}

/** Fills the queue with `n` memos through the app (20 at a time). */
async function enqueue(app: Proc, n: number): Promise<number> {
  const started = performance.now();
  let next = 0;
  const worker = async () => {
    while (next < n) {
      next++;
      await submitMemo(app.url, `${SAMPLE_MEMO}\n\nBacklog memo ${next}.`);
    }
  };
  await Promise.all(Array.from({ length: 20 }, worker));
  return Math.round(performance.now() - started);
}

/** /metrics is closed in production without a token, so the backlog server gets one. */
const METRICS_TOKEN = 'bench-metrics-token';

async function queueDepth(app: Proc): Promise<{ queued: number; running: number }> {
  const text = await (await fetch(`${app.url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })).text();
  const v = (s: string) => Number(new RegExp(`^memoai_queue_depth\\{status="${s}"\\} (\\d+)`, 'm').exec(text)?.[1] ?? NaN);
  return { queued: v('queued'), running: v('running') };
}

async function backlogPhase(work: string): Promise<BacklogResult> {
  const fake = new FakeAnthropic();
  await fake.start();
  const answer = JSON.stringify(validOutput(shippedConfig().rubric));
  fake.responder = () => ({ kind: 'message', text: answer, delayMs: LLM_DELAY_MS });
  const conf = configDir(join(work, 'config-backlog'), {
    llm: { provider: 'anthropic', concurrency: 8, timeout_seconds: 120, total_timeout_seconds: 600, max_retries: 0, ...OPEN_LLM },
    auth: OPEN_LIMITS,
  });
  say(`backlog: ${BACKLOG} evaluations on a fake LLM taking ${LLM_DELAY_MS} ms each, concurrency 8…`);
  const app = await startApp({ DATA_DIR: join(work, 'data-backlog'), CONFIG_DIR: conf, ANTHROPIC_API_KEY: 'bench-key', ANTHROPIC_BASE_URL: fake.url, METRICS_TOKEN }, join(work, 'app-backlog.log'), NCPU);
  const rss = new RssSampler(app.pid).start(100);
  try {
    const idle = await measure({ url: `${app.url}/` }, app);
    const idleRss = rss.read();
    const enqueueMs = await enqueue(app, BACKLOG);
    await sleep(200);
    const depthBefore = await queueDepth(app);
    const busy = await measure({ url: `${app.url}/` }, app);
    const depthAfter = await queueDepth(app);
    const peak = rss.stop();
    return { idle, busy, idleRssMiB: idleRss.rss, peakRssMiB: Math.max(peak.hwm, peak.peakSampled), sampledPeakMiB: peak.peakSampled, enqueueMs, depthBefore, depthAfter, llmRequests: fake.requests.length };
  } finally {
    rss.stop();
    await app.stop();
    await fake.stop();
  }
}

/** BENCH_ONLY=streaming: the streaming run alone, its section of RESULTS.md replaced (the rest kept). */
async function streamingOnly(): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'memoai-bench-'));
  const started = new Date();
  try {
    const section = renderStreaming(await streamingPhase(work, STREAMING, NCPU, say), started);
    const file = join(ROOT, 'bench/RESULTS.md');
    writeFileSync(file, withStreamingSection(readFileSync(file, 'utf8'), section));
    process.stdout.write(section);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** BENCH_ONLY=pages: the pages and form posts alone, their table printed (RESULTS.md untouched). */
async function pagesOnly(): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'memoai-bench-'));
  try {
    const pages = await endpointPhase(work);
    process.stdout.write(`${[...endpointTable(pages), '', ...targetLines(pages.rows)].join('\n')}\n`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  if (process.env.BENCH_ONLY === 'streaming') return streamingOnly();
  if (process.env.BENCH_ONLY === 'pages') return pagesOnly();
  const work = mkdtempSync(join(tmpdir(), 'memoai-bench-'));
  const started = new Date();
  const host = machine(); // before the run: its load average should be other work only
  try {
    const endpoints = await endpointPhase(work);
    const backlog = await backlogPhase(work);
    const streaming = renderStreaming(await streamingPhase(work, STREAMING, NCPU, say), started);
    const md = withStreamingSection(renderResults({
      date: started,
      machine: host,
      settings: { duration: DURATION, warmup: WARMUP, connections: CONNECTIONS, rounds: ROUNDS, history: HISTORY, backlog: BACKLOG, llmDelayMs: LLM_DELAY_MS, pinning: pinning(NCPU) },
      ...endpoints,
      backlog,
    }), streaming);
    writeFileSync(join(ROOT, 'bench/RESULTS.md'), md);
    say(`\nwrote bench/RESULTS.md (${Math.round((Date.now() - started.getTime()) / 1000)} s)`);
    process.stdout.write(md);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
