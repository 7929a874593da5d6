import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { LineBatch } from '../src/logger.ts';

// The server's log goes out in batches (decision 015): lines wait in memory until about 16 KiB have
// gathered, a quarter of a second has passed, or the process exits.

function sink() {
  const writes: string[] = [];
  return { writes, out: { write: (s: string) => (writes.push(s), true), flush: (done?: () => void) => void (writes.push('<flush>'), done?.()), flushSync: () => void writes.push('<sync>') } };
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

  it("hands what is pending on before waiting for the writer's flush", () => {
    const { writes, out } = sink();
    const batch = new LineBatch(out, 4096, 60_000);
    batch.write('pending\n');
    let flushed = false;
    batch.flush(() => (flushed = true));
    expect(writes).toEqual(['pending\n', '<flush>']);
    expect(flushed).toBe(true);
  });

  /** The server's logger in a child process: 1 000 lines, then `ending`; the numbers that reached stdout. */
  function linesOut(ending: string): number[] {
    const script = [
      "import { createServerLogger } from './src/logger.ts';",
      "const log = createServerLogger('info');",
      'for (let i = 0; i < 1000; i++) log.info({ i }, "line");',
      ending,
    ].join('\n');
    const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(run.status).toBe(0);
    return run.stdout.trim().split('\n').map((l) => (JSON.parse(l) as { i: number }).i);
  }
  const all = Array.from({ length: 1000 }, (_, i) => i);

  it('loses no line when the process exits at once, whatever is pending', { timeout: 30_000 }, () => {
    expect(linesOut('process.exit(0);')).toEqual(all);
  });

  it('loses no line when the process exits after flushing, as a shutdown does', { timeout: 30_000 }, () => {
    expect(linesOut('log.flush(() => process.exit(0));')).toEqual(all);
  });
});
