import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { LineBatch } from '../src/logger.ts';

// The server's log goes out in batches (decision 015): lines wait in memory until about 4 KiB have
// gathered, a quarter of a second has passed, or the process exits.

function sink() {
  const writes: string[] = [];
  return { writes, out: { write: (s: string) => (writes.push(s), true), flushSync: () => writes.push('<sync>') } };
}

describe('LineBatch', () => {
  it('hands lines on in one write once about `bytes` have gathered, in order', () => {
    const { writes, out } = sink();
    const batch = new LineBatch(out, 100, 60_000);
    const lines = Array.from({ length: 12 }, (_, i) => `{"n":${i},"pad":"${'x'.repeat(10)}"}\n`);
    for (const line of lines.slice(0, 3)) batch.write(line);
    expect(writes).toEqual([]);
    for (const line of lines.slice(3)) batch.write(line);
    expect(writes.length).toBeGreaterThanOrEqual(2);
    expect(writes.every((w) => w.length >= 100)).toBe(true);
    batch.flush();
    expect(writes.join('')).toBe(lines.join(''));
  });

  it('writes what is pending on a quiet logger within its flush interval', async () => {
    const { writes, out } = sink();
    const batch = new LineBatch(out, 4096, 20);
    batch.write('one line\n');
    await new Promise((r) => setTimeout(r, 200));
    expect(writes).toEqual(['one line\n']);
  });

  it('loses no line when the process exits, whatever is pending', { timeout: 30_000 }, () => {
    const script = [
      "import { createServerLogger } from './src/logger.ts';",
      "const log = createServerLogger('info');",
      'for (let i = 0; i < 1000; i++) log.info({ i }, "line");',
      'process.exit(0);',
    ].join('\n');
    const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(run.status).toBe(0);
    const lines = run.stdout.trim().split('\n').map((l) => (JSON.parse(l) as { i: number }).i);
    expect(lines).toEqual(Array.from({ length: 1000 }, (_, i) => i));
  });
});
