import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { Hono } from 'hono';
import { afterEach, beforeEach } from 'vitest';
import { createApp } from '../../src/app.ts';
import { readEnv } from '../../src/config/env.ts';
import type { FileConfig } from '../../src/config/load.ts';
import { shippedConfig } from './shipped-config.ts';
import { ConfigStore } from '../../src/config-versions/store.ts';
import { openDatabase, type Db } from '../../src/db/client.ts';
import type { AppEnv } from '../../src/http/context.ts';
import { loadAssets } from '../../src/http/assets.ts';
import type { EvaluationQueue } from '../../src/jobs/evaluation-queue.ts';
import type { ProviderGate } from '../../src/jobs/provider-gate.ts';
import type { CalibrationRegistry } from '../../src/calibration/registry.ts';
import { createWorkers } from '../../src/jobs/workers.ts';
import type { LlmProvider } from '../../src/llm/types.ts';
import { createLogger } from '../../src/logger.ts';
import type { Metrics } from '../../src/metrics.ts';
import { hashPassword } from '../../src/auth/passwords.ts';
import { insertAccount } from '../../src/db/queries/users.ts';

export { shippedConfig };

export const ORIGIN = 'http://localhost:3000';


export interface TestAppOptions {
  env?: Record<string, string | undefined>;
  files?: (f: FileConfig) => FileConfig;
  provider?: (files: FileConfig) => LlmProvider;
  now?: () => number;
}

export interface TestApp {
  app: Hono<AppEnv>;
  metrics: Metrics;
  db: Db;
  queue: EvaluationQueue;
  gate: ProviderGate;
  calibrations: CalibrationRegistry;
  config: ConfigStore;
  logs: string[];
  dir: string;
  /** A browser-like client; `peer` is the socket address the app sees (none by default). */
  client(opts?: { peer?: string }): Client;
  close(): Promise<void>;
}

/** The real app on a temporary SQLite database with the real migrations; demo provider without delay by default. */
export function makeTestApp(opts: TestAppOptions = {}): TestApp {
  const dir = mkdtempSync(join(tmpdir(), 'memoai-test-'));
  const env = readEnv({ DATA_DIR: dir, NODE_ENV: 'test', PUBLIC_ORIGIN: ORIGIN, ...opts.env });
  const base = shippedConfig();
  const files = (opts.files ?? ((f) => f))({ ...base, llm: { ...base.llm, demo_delay_ms: 0 } });
  const db = openDatabase(env.databasePath);
  const config = new ConfigStore(env, files, opts.provider);
  const logs: string[] = [];
  const log = createLogger('info', new Writable({ write: (chunk, _enc, cb) => (logs.push(String(chunk)), cb()) }));
  const now = opts.now ?? (() => Date.now());
  const { queue, gate, metrics, calibrations } = createWorkers({ db, config, now, log });
  const app = createApp({ db, config, now, queue, gate, log, assets: loadAssets(), metrics, calibrations, lifecycle: { draining: false, startedAt: now(), version: 'test' } });
  return {
    app,
    metrics,
    db,
    queue,
    gate,
    calibrations,
    config,
    logs,
    dir,
    client: (o) => new Client(app, o?.peer),
    async close() {
      await Promise.all([queue.stop(1000), calibrations.stop()]);
      db.$client.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A browser-like client for app.request(): keeps cookies, sends a same-origin Origin on POST. */
export class Client {
  readonly cookies = new Map<string, string>();

  constructor(
    private readonly app: Hono<AppEnv>,
    private readonly peer?: string,
  ) {}

  async request(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size && !headers.has('cookie')) headers.set('cookie', [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '));
    // @hono/node-server's getConnInfo reads the peer from the `incoming` binding, as in a real server.
    const bindings = this.peer ? { incoming: { socket: { remoteAddress: this.peer } } } : undefined;
    // A full URL, so the app sees the Host a browser would send.
    const res = await this.app.request(new URL(path, ORIGIN).href, { ...init, headers }, bindings);
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const i = pair!.indexOf('=');
      this.cookies.set(pair!.slice(0, i), pair!.slice(i + 1));
    }
    return res;
  }

  get(path: string, headers: Record<string, string> = {}): Promise<Response> {
    return this.request(path, { headers });
  }

  /** POSTs a form (urlencoded by default, multipart on request) from the app's own origin. */
  post(path: string, fields: Record<string, string> = {}, opts: { multipart?: boolean; headers?: Record<string, string> } = {}): Promise<Response> {
    let body: FormData | URLSearchParams;
    if (opts.multipart) {
      body = new FormData();
      for (const [k, v] of Object.entries(fields)) body.append(k, v);
    } else {
      body = new URLSearchParams(fields);
    }
    return this.request(path, { method: 'POST', body, headers: { origin: ORIGIN, ...opts.headers } });
  }
}

/** Named fixture people: Ana writes memos, Bo administers. */
export const PEOPLE = {
  'ana-student': { username: 'ana-student', password: 'ana-password-1', role: 'student' },
  'bo-admin': { username: 'bo-admin', password: 'bo-admin-password-1', role: 'admin' },
} as const;

/** Creates an account directly in the database; returns its id. */
export async function createAccount(t: TestApp, p: { username: string; password: string; role: 'student' | 'instructor' | 'admin'; mustChangePassword?: boolean }): Promise<string> {
  return insertAccount(t.db, { username: p.username, passwordHash: await hashPassword(p.password), role: p.role, mustChangePassword: p.mustChangePassword ?? false, now: Date.now() });
}

/** A client signed in as one of PEOPLE (the account is created if needed). */
export async function signedIn(t: TestApp, who: keyof typeof PEOPLE): Promise<Client> {
  const p = PEOPLE[who];
  if (!t.db.$client.prepare('select 1 from users where username = ?').get(p.username)) await createAccount(t, p);
  const c = t.client();
  const res = await c.post('/login', { username: p.username, password: p.password });
  if (res.status !== 303) throw new Error(`login as ${who} failed: ${res.status}`);
  return c;
}

/** A fresh app and Bo the admin signed in. */
export async function appWithAdmin(opts: TestAppOptions = {}): Promise<{ t: TestApp; admin: Client }> {
  const t = makeTestApp(opts);
  return { t, admin: await signedIn(t, 'bo-admin') };
}

/**
 * The admin-page test setup, once: before each test a fresh app with Bo signed in (handed to `take`),
 * closed after it. `options` runs before each test too (e.g. to reset a clock).
 */
export function useAdminApp(take: (s: { t: TestApp; admin: Client }) => void, options: () => TestAppOptions = () => ({})): void {
  let current: TestApp | undefined;
  beforeEach(async () => {
    const s = await appWithAdmin(options());
    current = s.t;
    take(s);
  });
  afterEach(async () => {
    await current?.close();
  });
}

/** Polls until the evaluation leaves queued/running (the queue runs in-process). */
export async function waitForEvaluation(t: TestApp, id: number): Promise<string> {
  for (let i = 0; i < 500; i++) {
    const row = t.db.$client.prepare('select status from evaluations where id = ?').get(id) as { status: string } | undefined;
    if (row && row.status !== 'queued' && row.status !== 'running') return row.status;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`evaluation ${id} did not finish`);
}
