import Database from 'better-sqlite3';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { burstTag, burstWithKill } from '../helpers/burst.ts';
import { shippedConfig } from '../helpers/app.ts';
import { FakeAnthropic, type Step } from '../helpers/fake-anthropic.ts';
import { validOutput } from '../helpers/outputs.ts';
import { prng } from '../helpers/seed.ts';
import { localOrigin, startServer, type ServerProcess } from '../helpers/server-process.ts';
import { count, statusCounts } from '../helpers/db.ts';

// Crash recovery under load: ten rounds of a 200-memo burst against the real server process, each cut
// by a SIGKILL at a seeded random moment. After every restart: every memo answered 303 is stored
// verbatim, nothing else but requests on the wire at the kill appeared, every evaluation ends done or
// failed with a reason, the pool never runs more than llm.yaml's concurrency, integrity_check is ok.

const ROUNDS = 10;
const BURST = 200;
const SEED = 0x5eed_c0de;
const ROOT = join(import.meta.dirname, '../..');

const fake = new FakeAnthropic();
let dir: string;
let configDir: string;

beforeAll(async () => {
  await fake.start();
  const rubric = shippedConfig().rubric;
  const good = JSON.stringify(validOutput(rubric));
  const rand = prng(SEED ^ 0xfa4e);
  // Small random delays; a few provider errors so some evaluations fail (with a reason).
  fake.responder = (): Step => {
    const r = rand();
    const delayMs = 2 + Math.floor(rand() * 40);
    if (r < 0.05) return { kind: 'error', status: 500, delayMs };
    if (r < 0.08) return { kind: 'message', text: 'not json', delayMs };
    return { kind: 'message', text: good, delayMs };
  };
  dir = mkdtempSync(join(tmpdir(), 'memoai-crash-burst-'));
  // The shipped config, except no transport retries (their backoff would only slow the drain).
  configDir = join(dir, 'config');
  mkdirSync(configDir);
  for (const f of ['rubric.yaml', 'prompt.yaml', 'auth.yaml']) copyFileSync(join(ROOT, 'config', f), join(configDir, f));
  // Bursts from one address well past the shipped per-address limit, queue cap and daily budget.
  const llm = readFileSync(join(ROOT, 'config/llm.yaml'), 'utf8')
    .replace(/^max_retries: \d+$/m, 'max_retries: 0')
    .replace(/^timeout_seconds: \d+$/m, 'timeout_seconds: 10')
    .replace(/^submissions_per_address_per_hour: \d+$/m, 'submissions_per_address_per_hour: 100000')
    .replace(/^queue_cap: \d+$/m, 'queue_cap: 100000')
    .replace(/^ {2}daily_usd: \d+$/m, '  daily_usd: 100000')
    .replace(/^ {2}monthly_usd: \d+$/m, '  monthly_usd: 100000');
  writeFileSync(join(configDir, 'llm.yaml'), llm);
});
afterAll(async () => {
  await fake.stop();
  rmSync(dir, { recursive: true, force: true });
});

const openDb = () => new Database(join(dir, 'memoai.db'), { readonly: true });


/** Polls until nothing is queued or running; checks the pool's limit on every sample. */
async function drain(db: Database.Database, concurrency: number, deadline: number): Promise<number> {
  let peakRunning = 0;
  for (;;) {
    const s = statusCounts(db);
    peakRunning = Math.max(peakRunning, s.running ?? 0);
    expect(s.running ?? 0).toBeLessThanOrEqual(concurrency);
    if (!s.queued && !s.running) return peakRunning;
    if (Date.now() > deadline) throw new Error(`queue did not drain: ${JSON.stringify(s)}`);
    await new Promise((r) => setTimeout(r, 40));
  }
}

interface StoredRow {
  eid: number;
  text: string;
  status: string;
  error_kind: string | null;
  error_message: string | null;
}

function checkRound(db: Database.Database, round: number, burst: Awaited<ReturnType<typeof burstWithKill>>): { stored: number; failed: number } {
  const rows = db.prepare('select e.id as eid, s.text, e.status, e.error_kind, e.error_message from evaluations e join submissions s on s.id = e.submission_id').all() as StoredRow[];
  const mine = rows.filter((r) => burstTag(r.text)?.[0] === round);
  const byIndex = new Map(mine.map((r) => [burstTag(r.text)![1], r]));
  expect(byIndex.size, 'one row per memo').toBe(mine.length);
  // Every memo answered 303 is stored, under the evaluation id the client was sent to.
  for (const [i, eid] of burst.acked) expect(byIndex.get(i)?.eid, `round ${round} memo ${i} (303 → /evaluations/${eid}) lost`).toBe(eid);
  // Nothing appears that the client did not send before the kill.
  for (const i of byIndex.keys()) expect(burst.acked.has(i) || burst.inFlightAtKill.has(i), `round ${round} memo ${i} stored but never sent`).toBe(true);
  for (const r of mine) {
    expect(['done', 'failed']).toContain(r.status);
    if (r.status === 'failed') {
      expect(r.error_kind).toBeTruthy();
      expect(r.error_message).toBeTruthy();
    }
  }
  return { stored: mine.length, failed: mine.filter((r) => r.status === 'failed').length };
}

it(`loses nothing across ${ROUNDS} SIGKILLs during ${BURST}-memo bursts`, { timeout: 240_000 }, async () => {
  const testStart = Date.now();
  const env = { DATA_DIR: dir, CONFIG_DIR: configDir, ANTHROPIC_API_KEY: 'test-key', ANTHROPIC_BASE_URL: fake.url, ...(await localOrigin()) };
  const concurrency = shippedConfig().llm.concurrency;
  const rand = prng(SEED);
  let server: ServerProcess = await startServer(env);
  let expectedTotal = 0;
  const log: string[] = [];
  try {
    for (let round = 1; round <= ROUNDS; round++) {
      const killAfterAcks = 1 + Math.floor(rand() * (BURST - 20));
      const jitterMs = Math.floor(rand() * 25);
      const victim = server;
      const burst = await burstWithKill({ url: victim.url, origin: env.PUBLIC_ORIGIN, round, total: BURST, parallel: 8, killAfterAcks, jitterMs, kill: () => victim.child.kill('SIGKILL') });
      expect((await victim.exited).signal).toBe('SIGKILL');
      expect(burst.unexpected, `round ${round}: answers other than 303`).toEqual([]);
      // A fresh connection per round: one kept open across restarts can see a stale FTS5 index
      // structure and report "fts5: corruption found" where a new connection (and sqlite3) finds none.
      const db = openDb();
      const atKill = statusCounts(db);

      server = await startServer(env);
      const peak = await drain(db, concurrency, Date.now() + 30_000);
      const { stored, failed } = checkRound(db, round, burst);
      expectedTotal += stored;
      expect(count(db, 'submissions')).toBe(expectedTotal);
      expect(count(db, 'evaluations')).toBe(expectedTotal);
      expect((db.prepare('pragma integrity_check').get() as { integrity_check: string }).integrity_check).toBe('ok');
      expect(db.prepare('pragma foreign_key_check').all()).toEqual([]);
      if (atKill.running) expect(server.output()).toContain('requeued evaluations interrupted');

      log.push(
        `round ${round}: kill after ${burst.ackedAtKill} acks (target ${killAfterAcks} + ${jitterMs} ms) at ${burst.killedAtMs} ms; ` +
          `in flight ${burst.inFlightAtKill.size}, not sent ${burst.notSent}; at kill ${JSON.stringify(atKill)}; ` +
          `stored ${stored} (${burst.acked.size} acked), failed ${failed}, peak running ${peak}`,
      );
      db.close();
    }
  } finally {
    console.log(`crash-burst (seed ${SEED.toString(16)}, concurrency ${concurrency}):\n  ${log.join('\n  ')}\n  total ${Math.round((Date.now() - testStart) / 1000)} s`);
    server.child.kill('SIGTERM');
    await server.exited;
  }
  // Every round stored at least what was acknowledged, and across rounds evaluations were interrupted.
  expect(expectedTotal).toBeGreaterThan(0);
});
