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
 * The server's logger: stdout written asynchronously, so a request's log line no longer waits for
 * its own write(2) (lines written while one is in flight go out together). pino flushes what is
 * pending synchronously when the process exits, crash or shutdown; only a SIGKILL can lose a line.
 */
export function createServerLogger(level: string): Logger {
  return createLogger(level, pino.destination({ dest: 1, sync: false }));
}
