import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';

// The database and its backups hold memos, password hashes and session hashes: only the app's own
// user may read them, whatever the umask. Existing files and folders are tightened too.

/** Creates the folder if needed and makes it 0700. */
export function privateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
}

/** Creates the file (empty) if needed and makes it 0600. */
export function privateFile(path: string): void {
  closeSync(openSync(path, 'a', 0o600));
  chmodSync(path, 0o600);
}

/**
 * A SQLite database file and its -wal/-shm made 0600 before opening: SQLite creates the WAL and
 * shared-memory files with the database file's permissions, so new ones follow.
 */
export function privateDatabaseFiles(path: string): void {
  privateFile(path);
  for (const suffix of ['-wal', '-shm', '-journal']) if (existsSync(`${path}${suffix}`)) chmodSync(`${path}${suffix}`, 0o600);
}
