import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { dump, load } from 'js-yaml';
import { freePort } from '../test/helpers/net.ts';

// Plumbing for bench/run.ts: processes pinned to CPUs, autocannon in its own process, RSS sampling.

export const ROOT = join(import.meta.dirname, '..');
const HAS_TASKSET = spawnSync('sh', ['-c', 'command -v taskset'], { stdio: 'ignore' }).status === 0;
/** Server on CPU 0, load generator on CPU 1 (when taskset exists and there are 2+ CPUs). */
export const CPU = { server: 0, load: 1 } as const;

/** The command pinned to one CPU when taskset is available (taskset execs, so the pid is the program's). */
function pinned(cpu: number, cmd: string, args: string[], cpus: number): [string, string[]] {
  return HAS_TASKSET && cpus > 1 ? ['taskset', ['-c', String(cpu), cmd, ...args]] : [cmd, args];
}
export const pinning = (cpus: number) => (HAS_TASKSET && cpus > 1 ? `server on CPU ${CPU.server}, autocannon on CPU ${CPU.load} (taskset)` : 'not pinned');

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface Proc {
  child: ChildProcess;
  pid: number;
  url: string;
  stop(): Promise<void>;
}

async function waitReady(url: string, child: ChildProcess, what: string): Promise<void> {
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error(`${what} exited with ${child.exitCode}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* not listening yet */
    }
    await sleep(100);
  }
  throw new Error(`${what} did not become ready`);
}

function stopper(child: ChildProcess): () => Promise<void> {
  return async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    const t = setTimeout(() => child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(t);
  };
}

export async function startBare(cpus: number): Promise<Proc> {
  const port = await freePort();
  const [cmd, args] = pinned(CPU.server, process.execPath, [join(ROOT, 'bench/bare-server.mjs'), String(port)], cpus);
  const child = spawn(cmd, args, { stdio: 'ignore' });
  const url = `http://127.0.0.1:${port}`;
  await waitReady(url, child, 'bare server');
  return { child, pid: child.pid!, url, stop: stopper(child) };
}

/** Which server runs: the compiled production build (what the container runs), or src/ through tsx with BENCH_SOURCE=tsx. */
export const APP_SOURCE = process.env.BENCH_SOURCE === 'tsx' ? 'tsx' : 'dist';
export const appCommand = () => (APP_SOURCE === 'tsx' ? '`src/server.ts` through tsx' : '`node dist/src/server.js` (the production build, `npm run build`)');

/** The server's entry point; fails early when the production build is missing. */
function appEntry(): string[] {
  if (APP_SOURCE === 'tsx') return ['--import', 'tsx', join(ROOT, 'src/server.ts')];
  const entry = join(ROOT, 'dist/src/server.js');
  if (!existsSync(entry)) throw new Error('no production build: run `npm run build` first');
  return [entry];
}

/** The real server (NODE_ENV=production) with its log in `logFile`; `nodeArgs` e.g. --cpu-prof. */
export async function startApp(env: Record<string, string>, logFile: string, cpus: number, nodeArgs: string[] = []): Promise<Proc> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const [cmd, args] = pinned(CPU.server, process.execPath, [...nodeArgs, ...appEntry()], cpus);
  const log = openSync(logFile, 'a');
  const child = spawn(cmd, args, {
    cwd: ROOT,
    stdio: ['ignore', log, log],
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', NODE_ENV: 'production', PORT: String(port), HOST: '127.0.0.1', PUBLIC_ORIGIN: url, LOG_LEVEL: 'info', SHUTDOWN_GRACE_SECONDS: '1', ...env },
  });
  await waitReady(`${url}/healthz`, child, `app server (log: ${logFile})`);
  return { child, pid: child.pid!, url, stop: stopper(child) };
}

/** Copies config/*.yaml into `dir` with some values replaced. */
export function configDir(dir: string, changes: { llm?: Record<string, unknown>; auth?: Record<string, unknown> }): string {
  mkdirSync(dir, { recursive: true });
  for (const name of ['rubric', 'prompt', 'llm', 'auth'] as const) {
    const src = join(ROOT, 'config', `${name}.yaml`);
    const change = name === 'llm' || name === 'auth' ? changes[name] : undefined;
    if (!change) copyFileSync(src, join(dir, `${name}.yaml`));
    else writeFileSync(join(dir, `${name}.yaml`), dump({ ...(load(readFileSync(src, 'utf8')) as Record<string, unknown>), ...change }));
  }
  return dir;
}

export interface LoadResult {
  url: string;
  method: string;
  duration: number;
  requests: { average: number; total: number };
  latency: { average: number; p50: number; p90: number; p99: number; max: number };
  statusCodeStats: Record<string, { count: number }>;
  non2xx: number;
  errors: number;
  timeouts: number;
  /** The server's CPU time (user + system) per request during the measured run, in µs, where /proc tells it. */
  cpuUsPerRequest?: number;
}

/** Clock ticks a second, the unit of /proc/<pid>/stat's times. */
const CLOCK_TICKS = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout?.trim()) || 100;

/** CPU time (user + system) a process has used so far, in seconds, from /proc (undefined where there is none). */
export function cpuSeconds(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(') ') + 2).split(' '); // after the command name, which may hold ") "
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS; // utime and stime
  } catch {
    return undefined;
  }
}

/** One autocannon run in a separate, pinned process. */
export function runLoad(opts: Record<string, unknown>, cpus: number): Promise<LoadResult> {
  const [cmd, args] = pinned(CPU.load, process.execPath, [join(ROOT, 'bench/load.mjs'), JSON.stringify(opts)], cpus);
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout!.on('data', (d) => (out += String(d)));
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out.trim().split('\n').pop()!) as LoadResult) : reject(new Error(`autocannon exited ${code}`))));
  });
}

/** Samples VmRSS of a process every `everyMs`; VmHWM is the kernel's own peak. Values in MiB. */
export class RssSampler {
  #timer: NodeJS.Timeout | undefined;
  peakSampled = 0;
  last = 0;

  constructor(private readonly pid: number) {}

  read(): { rss: number; hwm: number } {
    const status = existsSync(`/proc/${this.pid}/status`) ? readFileSync(`/proc/${this.pid}/status`, 'utf8') : '';
    const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0);
    return { rss: kb('VmRSS') / 1024, hwm: kb('VmHWM') / 1024 };
  }

  start(everyMs = 100): this {
    this.#timer = setInterval(() => {
      this.last = this.read().rss;
      this.peakSampled = Math.max(this.peakSampled, this.last);
    }, everyMs);
    return this;
  }

  stop(): { peakSampled: number; hwm: number } {
    clearInterval(this.#timer);
    return { peakSampled: this.peakSampled, hwm: this.read().hwm };
  }
}

/** POSTs one memo like a browser without a cookie; returns the evaluation id and the writer's cookie. */
export async function submitMemo(url: string, text: string, cookie = ''): Promise<{ id: number; cookie: string }> {
  const res = await fetch(`${url}/submissions`, { method: 'POST', body: new URLSearchParams({ text }), headers: { origin: url, ...(cookie ? { cookie } : {}) }, redirect: 'manual' });
  if (res.status !== 303) throw new Error(`POST /submissions answered ${res.status}`);
  const set = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  return { id: Number(res.headers.get('location')!.split('/').pop()), cookie: cookie || set };
}

export async function waitDone(url: string, id: number, cookie: string): Promise<void> {
  for (let i = 0; i < 600; i++) {
    const res = await fetch(`${url}/evaluations/${id}`, { headers: { cookie, accept: 'application/json' } });
    const { status } = (await res.json()) as { status: string };
    if (status === 'done') return;
    if (status === 'failed') throw new Error(`evaluation ${id} failed`);
    await sleep(50);
  }
  throw new Error(`evaluation ${id} did not finish`);
}

export async function login(url: string, username: string, password: string): Promise<string> {
  const res = await fetch(`${url}/login`, { method: 'POST', body: new URLSearchParams({ username, password }), headers: { origin: url }, redirect: 'manual' });
  if (res.status !== 303) throw new Error(`login answered ${res.status}`);
  return res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
}
