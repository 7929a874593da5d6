import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { expect, it } from 'vitest';

// The security review grew the heap from 27 MB to 249 MB with 20 000 requests carrying distinct
// forged X-Forwarded-For headers (the per-IP limiter kept each raw header, up to 16 KB, as a key).
// Now keys are valid addresses only and the limiter map is bounded, so memory must stay flat.

const REQUESTS = 20_000;
const ROOT = join(import.meta.dirname, '..');

it(`keeps RSS within 20 MB over ${REQUESTS} requests with distinct forged X-Forwarded-For headers`, { timeout: 150_000 }, () => {
  const run = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', 'test/helpers/flood-memory.ts', String(REQUESTS)], { cwd: ROOT, encoding: 'utf8', timeout: 140_000 });
  expect(run.status, run.stderr).toBe(0);
  const { before, after, statuses } = JSON.parse(run.stdout.trim().split('\n').pop()!) as { before: { rss: number; heap: number }; after: { rss: number; heap: number }; statuses: Record<string, number> };
  const mb = (x: number) => `${x.toFixed(1)} MB`;
  console.log(`after ${REQUESTS} requests: RSS ${mb(before.rss)} → ${mb(after.rss)}, heap ${mb(before.heap)} → ${mb(after.heap)}`);
  // Junk-only headers count as the proxy itself (over its 1000 an hour since the warm-up); the others are 10 000 distinct clients.
  expect(statuses).toEqual({ 404: REQUESTS / 2, 429: REQUESTS / 2 });
  expect(after.rss - before.rss).toBeLessThan(20);
});
