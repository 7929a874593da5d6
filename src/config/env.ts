import { resolve } from 'node:path';
import { validate as validCron } from 'node-cron';
import { isProxyList, parseProxyList } from '../http/trusted-proxies.ts';
import * as v from 'valibot';

/** https anywhere; http only to a loopback host, where nothing leaves the machine. */
function safeBaseUrl(url: string): boolean {
  const u = new URL(url);
  return u.protocol === 'https:' || (u.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(u.hostname));
}

const optionalText = v.optional(v.pipe(v.string(), v.trim()), '');
const numberString = (def: string) => v.pipe(v.optional(v.string(), def), v.trim(), v.decimal('must be a number'), v.transform(Number));

/** Environment variables the app reads; nothing else touches process.env. */
const EnvSchema = v.object({
  NODE_ENV: v.optional(v.picklist(['development', 'production', 'test']), 'development'),
  PORT: v.pipe(numberString('3000'), v.integer(), v.minValue(0), v.maxValue(65535)),
  HOST: v.optional(v.string(), '0.0.0.0'),
  DATA_DIR: v.optional(v.string(), './data'),
  DATABASE_PATH: optionalText,
  CONFIG_DIR: v.optional(v.string(), './config'),
  PUBLIC_ORIGIN: v.optional(v.pipe(v.string(), v.url('must be a URL like https://memo.example.edu')), undefined),
  ANTHROPIC_API_KEY: optionalText,
  // The key goes there: https only, except plain http to this machine (a local proxy or test server).
  ANTHROPIC_BASE_URL: v.optional(v.pipe(v.string(), v.url(), v.check(safeBaseUrl, 'must be https:// (http:// only to localhost)')), undefined),
  LLM_PROVIDER: v.optional(v.picklist(['anthropic', 'demo'])),
  LLM_MODEL: optionalText,
  LLM_TIMEOUT: v.optional(v.pipe(v.string(), v.decimal('must be seconds'), v.transform(Number))),
  LOG_LEVEL: v.optional(v.picklist(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']), 'info'),
  SHUTDOWN_GRACE_SECONDS: numberString('20'),
  BACKUP_SCHEDULE: v.pipe(v.optional(v.string(), '0 2 * * 0'), v.trim(), v.check((x) => validCron(x), 'must be a cron expression, e.g. "0 2 * * 0" (Sundays 02:00 UTC)')),
  BACKUP_RETENTION: v.pipe(numberString('4'), v.integer('must be a whole number'), v.minValue(1), v.maxValue(1000)),
  METRICS_TOKEN: optionalText,
  METRICS_PUBLIC: v.optional(v.picklist(['true', 'false'], 'must be true or false'), 'false'),
  DISK_MIN_FREE_MB: v.pipe(numberString('500'), v.integer('must be a whole number of MiB'), v.minValue(0)),
  BACKUP_RESTIC_REPOSITORY: optionalText,
  RESTIC_PASSWORD: v.optional(v.string(), ''),
  RESTIC_PASSWORD_FILE: optionalText,
  ADMIN_USERNAME: optionalText,
  ADMIN_PASSWORD: v.optional(v.string(), ''),
  TRUSTED_PROXIES: v.pipe(optionalText, v.check(isProxyList, 'must be IP addresses or CIDR ranges separated by commas, e.g. 172.18.0.2 or 172.18.0.0/16')),
});

/** Empty (or blank) variables mean "not set": compose passes every key of .env, filled in or not. */
function withoutEmpty(source: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(source).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1].trim() !== ''));
}

/** Deployment settings resolved from the environment. */
export interface Env {
  nodeEnv: 'development' | 'production' | 'test';
  port: number;
  host: string;
  dataDir: string;
  databasePath: string;
  configDir: string;
  publicOrigin: string;
  /** True when PUBLIC_ORIGIN was not set: local development on localhost. */
  originIsDefault: boolean;
  anthropicApiKey: string;
  anthropicBaseUrl: string | undefined;
  llmProvider: 'anthropic' | 'demo' | undefined;
  llmModel: string;
  llmTimeoutSeconds: number | undefined;
  logLevel: string;
  shutdownGraceSeconds: number;
  adminUsername: string;
  adminPassword: string;
  /** Cron expression (UTC) for the backup job. */
  backupSchedule: string;
  backupRetention: number;
  /** When set, /metrics (and /health details) need `Authorization: Bearer <token>`. */
  metricsToken: string;
  /** METRICS_PUBLIC=true: /metrics without a token even in production. */
  metricsPublic: boolean;
  /** /health is degraded when the data volume has less free space than this. */
  diskMinFreeBytes: number;
  /** Optional off-site copy of every backup with restic; empty = off. */
  restic: { repository: string; password: string; passwordFile: string };
  /** Proxies whose X-Forwarded-For is believed (TRUSTED_PROXIES); empty: the socket peer is the client. */
  trustedProxies: string[];
}

/** Validates an environment (process.env by default); throws with every bad variable named. */
export function readEnv(source: Record<string, string | undefined> = process.env): Env {
  const res = v.safeParse(EnvSchema, withoutEmpty(source));
  if (!res.success) {
    const lines = res.issues.map((i) => `  ${v.getDotPath(i) ?? '(env)'}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join('\n')}`);
  }
  const e = res.output;
  const dataDir = resolve(e.DATA_DIR);
  return {
    nodeEnv: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    dataDir,
    databasePath: e.DATABASE_PATH ? resolve(e.DATABASE_PATH) : resolve(dataDir, 'memoai.db'),
    configDir: resolve(e.CONFIG_DIR),
    publicOrigin: (e.PUBLIC_ORIGIN ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
    originIsDefault: !e.PUBLIC_ORIGIN,
    anthropicApiKey: e.ANTHROPIC_API_KEY,
    anthropicBaseUrl: e.ANTHROPIC_BASE_URL,
    llmProvider: e.LLM_PROVIDER,
    llmModel: e.LLM_MODEL,
    llmTimeoutSeconds: e.LLM_TIMEOUT,
    logLevel: e.LOG_LEVEL,
    shutdownGraceSeconds: e.SHUTDOWN_GRACE_SECONDS,
    adminUsername: e.ADMIN_USERNAME,
    adminPassword: e.ADMIN_PASSWORD,
    backupSchedule: e.BACKUP_SCHEDULE,
    backupRetention: e.BACKUP_RETENTION,
    metricsToken: e.METRICS_TOKEN,
    metricsPublic: e.METRICS_PUBLIC === 'true',
    diskMinFreeBytes: e.DISK_MIN_FREE_MB * 1024 * 1024,
    restic: { repository: e.BACKUP_RESTIC_REPOSITORY, password: e.RESTIC_PASSWORD, passwordFile: e.RESTIC_PASSWORD_FILE ? resolve(e.RESTIC_PASSWORD_FILE) : '' },
    trustedProxies: parseProxyList(e.TRUSTED_PROXIES),
  };
}
