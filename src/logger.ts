import pino, { type Logger } from 'pino';

/** Keys that must never reach the logs, wherever they appear in a logged object. */
export const REDACT_PATHS = [
  'password', '*.password', 'token', '*.token', 'cookie', '*.cookie', 'authorization', '*.authorization',
  'apiKey', '*.apiKey', 'text', '*.text', 'memo', '*.memo', 'headers.cookie', 'headers.authorization', 'headers["x-api-key"]',
];

/** JSON lines to stdout (or a given stream), secrets and memo text redacted. */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino({ level, redact: { paths: REDACT_PATHS, censor: '[redacted]' }, base: undefined }, destination);
}

/**
 * Lines gathered before a write to stdout (sonic-boom's largest single write), and the longest a
 * line waits when the server is quiet. Each write costs a thread-pool round trip whatever its size:
 * at 4 KiB a batch, that was 7 µs of a cached page's ~190 µs.
 */
const LOG_BATCH_BYTES = 16 * 1024;
const LOG_FLUSH_MS = 250;

/**
 * The server's logger: stdout written asynchronously and in batches, so a request's log line waits
 * for no write(2) and a busy server makes one write per ~16 KiB of lines instead of one or two per
 * request; on a quiet server a line is out within a quarter of a second. A shutdown waits for the
 * last lines (`log.flush(cb)`); at any other exit (a crash) what is pending is written synchronously,
 * except a batch the thread pool is writing at that moment, which may be lost, as with a SIGKILL.
 */
export function createServerLogger(level: string): Logger {
  // minLength 1 writes at once, like 0, but makes sonic-boom's flush(cb) wait until everything is written.
  return createLogger(level, new LineBatch(pino.destination({ dest: 1, sync: false, minLength: 1 }), LOG_BATCH_BYTES, LOG_FLUSH_MS));
}

/**
 * Lines joined into one string of about `bytes` characters before they reach sonic-boom, which then
 * gets one write per batch. Given line by line (its `minLength`), sonic-boom measures the UTF-8
 * length of everything pending on every line: most of a request log line's cost. One per process
 * (its timer and exit listener stay for the process's life).
 */
export class LineBatch implements pino.DestinationStream {
  #pending = '';

  constructor(
    private readonly out: SonicBoomLike,
    private readonly bytes: number,
    flushMs: number,
  ) {
    setInterval(() => this.flush(), flushMs).unref();
    process.on('exit', () => {
      try {
        this.flushSync();
      } catch {
        // stdout is gone (closed or destroyed): there is nowhere left to write the last lines.
      }
    });
  }

  write(line: string): void {
    this.#pending += line;
    if (this.#pending.length >= this.bytes) this.flush();
  }

  /** Hands what is pending to sonic-boom, which writes it asynchronously; `done` (pino's `logger.flush(cb)`) once all is written. */
  flush(done?: (err?: Error) => void): void {
    if (this.#pending) {
      this.out.write(this.#pending);
      this.#pending = '';
    }
    if (done) this.out.flush(done);
  }

  /** Writes everything out before returning (at exit, when there is no event loop left). */
  flushSync(): void {
    this.flush();
    this.out.flushSync();
  }
}

type SonicBoomLike = Pick<ReturnType<typeof pino.destination>, 'write' | 'flush' | 'flushSync'>;
