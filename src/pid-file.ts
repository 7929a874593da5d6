import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** `${DATA_DIR}/server.pid`: lets `npm run restore` refuse to run under a live server. */
export function pidFilePath(dataDir: string): string {
  return join(dataDir, 'server.pid');
}

export function writePidFile(dataDir: string): void {
  writeFileSync(pidFilePath(dataDir), String(process.pid));
}

export function removePidFile(dataDir: string): void {
  rmSync(pidFilePath(dataDir), { force: true });
}

/** The pid of a server still running on this data directory, or undefined (stale files are ignored). */
export function runningServerPid(dataDir: string): number | undefined {
  let pid: number;
  try {
    pid = Number(readFileSync(pidFilePath(dataDir), 'utf8').trim());
  } catch {
    return undefined;
  }
  // In a fresh container the restore tool itself may have the pid a dead server left behind.
  if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid) return undefined;
  try {
    process.kill(pid, 0);
    return pid;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM' ? pid : undefined;
  }
}
