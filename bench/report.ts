import { existsSync, readFileSync } from 'node:fs';
import { cpus, loadavg, release, totalmem, type } from 'node:os';
import { join } from 'node:path';
import { median } from '../src/llm/consistency.ts';
import { appCommand, ROOT, type LoadResult } from './lib.ts';

// Turns the measurements of bench/run.ts into bench/RESULTS.md.

/** One page measured in each round (a post: once), with its ratio to the bare server of the same round. */
export interface EndpointResult {
  name: string;
  note: string;
  rounds: LoadResult[];
  ratios: number[];
}

export interface BacklogResult {
  idle: LoadResult;
  busy: LoadResult;
  idleRssMiB: number;
  peakRssMiB: number;
  sampledPeakMiB: number;
  enqueueMs: number;
  depthBefore: { queued: number; running: number };
  depthAfter: { queued: number; running: number };
  llmRequests: number;
}

export interface Machine {
  os: string;
  cpu: string;
  memory: string;
  node: string;
  autocannon: string;
  /** 1-minute load average when the run started: other work on the machine skews the numbers. */
  load: string;
}

export function machine(): Machine {
  const distro = existsSync('/etc/os-release') ? /^PRETTY_NAME="?([^"\n]*)"?/m.exec(readFileSync('/etc/os-release', 'utf8'))?.[1] : undefined;
  const c = cpus();
  const autocannon = (JSON.parse(readFileSync(join(ROOT, 'node_modules/autocannon/package.json'), 'utf8')) as { version: string }).version;
  return {
    os: `${distro ?? type()} (${type()} ${release()})`,
    cpu: `${c.length} × ${c[0]?.model.trim() ?? 'unknown'}`,
    memory: `${(totalmem() / 2 ** 30).toFixed(1)} GiB`,
    node: process.version,
    autocannon,
    load: loadavg()[0]!.toFixed(2),
  };
}

const rps = (r: LoadResult) => r.requests.average.toLocaleString('en-US', { maximumFractionDigits: 0 });
const num = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 0 });
const pct = (ratio: number) => `${(ratio * 100).toFixed(ratio < 0.01 ? 2 : 1)} %`;

/** The index of the median value (the lower middle one for an even count). */
function medianIndex(xs: number[]): number {
  const order = xs.map((x, i) => [x, i] as const).sort((a, b) => a[0] - b[0]);
  return order[Math.floor((order.length - 1) / 2)]![1];
}

const cpuPerRequest = (rounds: LoadResult[]) => {
  const known = rounds.map((r) => r.cpuUsPerRequest).filter((x): x is number => x !== undefined);
  return known.length ? `${num(median(known))} µs` : '–';
};

/** Status codes seen over all rounds. */
const allCodes = (rounds: LoadResult[]) => {
  const sum: LoadResult = { ...rounds[0]!, statusCodeStats: {}, errors: 0, timeouts: 0 };
  for (const r of rounds) {
    for (const [code, { count }] of Object.entries(r.statusCodeStats)) sum.statusCodeStats[code] = { count: (sum.statusCodeStats[code]?.count ?? 0) + count };
    sum.errors += r.errors;
    sum.timeouts += r.timeouts;
  }
  return codes(sum);
};
const ms = (n: number) => `${n.toLocaleString('en-US', { maximumFractionDigits: 1 })} ms`;
const codes = (r: LoadResult) =>
  Object.entries(r.statusCodeStats)
    .map(([code, { count }]) => `${code}×${count}`)
    .join(', ') + (r.errors ? `; ${r.errors} errors` : '') + (r.timeouts ? `; ${r.timeouts} timeouts` : '');

export interface Report {
  date: Date;
  machine: Machine;
  settings: { duration: number; warmup: number; connections: number; rounds: number; history: number; backlog: number; llmDelayMs: number; pinning: string };
  bare: LoadResult[];
  rows: EndpointResult[];
  seedMs: number;
  backlog: BacklogResult;
}

/**
 * One line per page: the median over the rounds of its req/s, of the server's CPU time per request
 * and of its ratio to the same round's bare server; latencies from its median round; then each
 * round's ratio, so the spread shows.
 */
export function endpointTable(rep: Pick<Report, 'bare' | 'rows'>): string[] {
  const bareRps = rep.bare.map((r) => r.requests.average);
  const mid = rep.bare[medianIndex(bareRps)]!;
  const lines = [
    '| endpoint | req/s | p50 | p99 | server CPU per request | ratio to bare req/s | each round | answers | notes |',
    '|---|---:|---:|---:|---:|---:|---|---|---|',
    `| bare \`node:http\` (baseline) | ${num(median(bareRps))} | ${ms(mid.latency.p50)} | ${ms(mid.latency.p99)} | ${cpuPerRequest(rep.bare)} | 1 | ${bareRps.map(num).join(', ')} req/s | ${allCodes(rep.bare)} | fixed 110-byte page |`,
  ];
  for (const { name, note, rounds, ratios } of rep.rows) {
    const r = rounds[medianIndex(ratios)]!;
    const ratio = median(ratios);
    lines.push(
      `| \`${name}\` | ${num(median(rounds.map((x) => x.requests.average)))} | ${ms(r.latency.p50)} | ${ms(r.latency.p99)} | ${cpuPerRequest(rounds)} | 1 : ${(1 / ratio).toFixed(1)} (${pct(ratio)}) | ${ratios.map(pct).join(', ')} | ${allCodes(rounds)} | ${note} |`,
    );
  }
  return lines;
}

/** Issue 16's page-speed targets: at least this share of the bare server's req/s in the same run. */
const PAGE_TARGETS: Record<string, number> = { 'GET /': 0.25, 'GET /evaluations/:id': 0.15, 'GET /admin/evaluations (page 1)': 0.05 };

/** Each target against the median ratio, and how many rounds reached it on their own. */
export function targetLines(rows: EndpointResult[]): string[] {
  return rows
    .filter((row) => PAGE_TARGETS[row.name] !== undefined)
    .map((row) => {
      const target = PAGE_TARGETS[row.name]!;
      const ratio = median(row.ratios);
      const reached = row.ratios.filter((r) => r >= target).length;
      return `- \`${row.name}\`: ${pct(ratio)} of the bare server (target ≥ ${pct(target)}): **${ratio >= target ? 'met' : 'not met'}**; ${reached} of ${row.ratios.length} rounds reached it on their own.`;
    });
}

function backlogTable(b: BacklogResult, s: Report['settings']): string[] {
  return [
    '| measure | idle | with the backlog |',
    '|---|---:|---:|',
    `| \`GET /\` req/s | ${rps(b.idle)} | ${rps(b.busy)} |`,
    `| \`GET /\` p50 | ${ms(b.idle.latency.p50)} | ${ms(b.busy.latency.p50)} |`,
    `| \`GET /\` p99 | ${ms(b.idle.latency.p99)} | ${ms(b.busy.latency.p99)} (${(b.busy.latency.p99 / Math.max(b.idle.latency.p99, 0.001)).toFixed(2)}× idle) |`,
    `| answers | ${codes(b.idle)} | ${codes(b.busy)} |`,
    `| server RSS | ${b.idleRssMiB.toFixed(1)} MiB | peak ${b.peakRssMiB.toFixed(1)} MiB (VmHWM; highest 100 ms sample ${b.sampledPeakMiB.toFixed(1)} MiB) |`,
    `| queue (queued / running) | – | ${b.depthBefore.queued} / ${b.depthBefore.running} before, ${b.depthAfter.queued} / ${b.depthAfter.running} after the ${s.duration} s run |`,
    '',
    `Enqueueing the ${s.backlog.toLocaleString('en-US')} memos through \`POST /submissions\` (20 at a time) took ${ms(b.enqueueMs)}; ` +
      `the fake LLM received ${b.llmRequests} requests in the phase (each held ${s.llmDelayMs / 1000} s).`,
  ];
}

export function renderResults(rep: Report): string {
  const m = rep.machine;
  const s = rep.settings;
  return [
    '# Benchmark results',
    '',
    'Written by `npm run bench` (bench/run.ts); every run overwrites this file. See bench/README.md for the method.',
    '',
    `- Date: ${rep.date.toISOString().replace('T', ' ').slice(0, 19)} UTC`,
    `- Machine: ${m.os}; ${m.cpu}; ${m.memory} RAM`,
    `- Node ${m.node}, autocannon ${m.autocannon}; 1-minute load average at the start: ${m.load}`,
    `- Each run: ${s.warmup} s warm-up (discarded), then ${s.duration} s with ${s.connections} connections; ${s.pinning}`,
    `- Pages: ${s.rounds} rounds, each the bare server then every page; a page's ratio is to the bare server of its own round, and the table gives the medians over the rounds (each round's ratio beside it). Server CPU per request: the server process's user + system time over the measured run (/proc), divided by the requests answered`,
    `- Server: ${appCommand()} (NODE_ENV=production, request log at info to a file), rate limits raised in a config copy`,
    '',
    `## Pages and form posts (SQLite with ${s.history.toLocaleString('en-US')} evaluations, seeded in ${(rep.seedMs / 1000).toFixed(1)} s)`,
    '',
    ...endpointTable(rep),
    '',
    'Targets (issue 16), at the median of the rounds:',
    '',
    ...targetLines(rep.rows),
    '',
    `## ${s.backlog.toLocaleString('en-US')} evaluations pending on a slow LLM (${s.llmDelayMs / 1000} s each, concurrency 8)`,
    '',
    ...backlogTable(rep.backlog, s),
    '',
  ].join('\n');
}
