// Run as its own process (see test/memory-flood.test.ts): `node --expose-gc --import tsx test/helpers/flood-memory.ts N`.
// Floods the app in-process with N requests carrying distinct forged X-Forwarded-For headers and
// prints one JSON line with RSS and heap (MB) after full collections, before and after the flood.
// A process of its own, because a test worker's RSS also moves with the test runner's own work.
import { makeTestApp } from './app.ts';

const requests = Number(process.argv[2] ?? 20_000);
const JUNK = 'x'.repeat(8_000);
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with --expose-gc');

const t = makeTestApp({ env: { TRUSTED_PROXIES: '127.0.0.1' } });

/** Half the headers are 8 KB of junk, half name a different valid address behind the trusted proxy. */
function forged(i: number): string {
  return i % 2 ? `${JUNK}${i}` : `${JUNK}, 10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;
}

async function flood(from: number, count: number): Promise<Record<number, number>> {
  const statuses: Record<number, number> = {};
  const peer = { incoming: { socket: { remoteAddress: '127.0.0.1' } } };
  for (let i = from; i < from + count; i++) {
    const res = await t.app.request('http://localhost:3000/no-such-page', { headers: { 'x-forwarded-for': forged(i) } }, peer);
    await res.arrayBuffer();
    statuses[res.status] = (statuses[res.status] ?? 0) + 1;
  }
  return statuses;
}

/** MB after full collections; the harness's own captured log lines are dropped first. */
function memory(): { rss: number; heap: number } {
  t.logs.length = 0;
  gc!();
  gc!();
  const m = process.memoryUsage();
  return { rss: m.rss / 1_048_576, heap: m.heapUsed / 1_048_576 };
}

await flood(1_000_000, 5_000); // warm up: JIT, buffers
const before = memory();
const statuses = await flood(0, requests);
const after = memory();
console.log(JSON.stringify({ before, after, statuses }));
await t.close();
