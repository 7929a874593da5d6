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

/** Lines gathered before a write to stdout, and the longest a line waits when the server is quiet. */
const LOG_BATCH_BYTES = 4096;
const LOG_FLUSH_MS = 250;

/**
 * The server's logger: stdout written asynchronously and in batches, so a request's log line waits
 * for no write(2) and a busy server makes one write per ~4 KiB of lines instead of one or two per
 * request; on a quiet server a line is out within a quarter of a second. pino flushes what is
 * pending synchronously when the process exits, crash or shutdown; only a SIGKILL can lose lines.
 */
export function createServerLogger(level: string): Logger {
  return createLogger(level, pino.destination({ dest: 1, sync: false, minLength: LOG_BATCH_BYTES, periodicFlush: LOG_FLUSH_MS }));
}
