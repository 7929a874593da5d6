import { existsSync, readFileSync } from 'node:fs';
import { cpus, loadavg, release, totalmem, type } from 'node:os';
import { join } from 'node:path';
import { appCommand, ROOT, type LoadResult } from './lib.ts';

// Turns the measurements of bench/run.ts into bench/RESULTS.md.

export interface EndpointResult {
  name: string;
  note: string;
  r: LoadResult;
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
const ms = (n: number) => `${n.toLocaleString('en-US', { maximumFractionDigits: 1 })} ms`;
const codes = (r: LoadResult) =>
  Object.entries(r.statusCodeStats)
    .map(([code, { count }]) => `${code}×${count}`)
    .join(', ') + (r.errors ? `; ${r.errors} errors` : '') + (r.timeouts ? `; ${r.timeouts} timeouts` : '');

export interface Report {
  date: Date;
  machine: Machine;
  settings: { duration: number; warmup: number; connections: number; history: number; backlog: number; llmDelayMs: number; pinning: string };
  bare: LoadResult;
  rows: EndpointResult[];
  seedMs: number;
  backlog: BacklogResult;
}

export function endpointTable(rep: Pick<Report, 'bare' | 'rows'>): string[] {
  const lines = [
    '| endpoint | req/s | p50 | p99 | ratio to bare req/s | answers | notes |',
    '|---|---:|---:|---:|---:|---|---|',
    `| bare \`node:http\` (baseline) | ${rps(rep.bare)} | ${ms(rep.bare.latency.p50)} | ${ms(rep.bare.latency.p99)} | 1 | ${codes(rep.bare)} | fixed 110-byte page |`,
  ];
  for (const { name, note, r } of rep.rows) {
    const ratio = r.requests.average / rep.bare.requests.average;
    const pct = ratio * 100;
    lines.push(`| \`${name}\` | ${rps(r)} | ${ms(r.latency.p50)} | ${ms(r.latency.p99)} | 1 : ${(1 / ratio).toFixed(1)} (${pct.toFixed(pct < 1 ? 2 : 1)} %) | ${codes(r)} | ${note} |`);
  }
  return lines;
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
    `- Server: ${appCommand()} (NODE_ENV=production, request log at info to a file), rate limits raised in a config copy`,
    '',
    `## Pages and form posts (SQLite with ${s.history.toLocaleString('en-US')} evaluations, seeded in ${(rep.seedMs / 1000).toFixed(1)} s)`,
    '',
    ...endpointTable(rep),
    '',
    `## ${s.backlog.toLocaleString('en-US')} evaluations pending on a slow LLM (${s.llmDelayMs / 1000} s each, concurrency 8)`,
    '',
    ...backlogTable(rep.backlog, s),
    '',
  ].join('\n');
}
