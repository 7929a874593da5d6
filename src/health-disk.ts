import { mkdirSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const MIB = 1024 * 1024;

/** Free space on the data volume: fails when a write fails, degraded under `minFreeBytes`. */
export function checkDisk(dataDir: string, minFreeBytes: number): { ok: boolean; fatal: boolean; detail: string } {
  const probe = join(dataDir, '.health-write-probe');
  try {
    mkdirSync(dataDir, { recursive: true });
    // A page-sized write, as SQLite would make: a full disk makes every post fail with 500.
    writeFileSync(probe, Buffer.alloc(4096), { flush: true });
  } catch (err) {
    return { ok: false, fatal: true, detail: `cannot write to ${dataDir}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}` };
  } finally {
    rmSync(probe, { force: true });
  }
  const fs = statfsSync(dataDir);
  const free = fs.bavail * fs.bsize;
  const text = `${Math.floor(free / MIB)} MiB free in ${dataDir}`;
  if (free < minFreeBytes) return { ok: false, fatal: false, detail: `only ${text} (threshold ${Math.round(minFreeBytes / MIB)} MiB)` };
  return { ok: true, fatal: false, detail: text };
}
