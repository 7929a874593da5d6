import type { Context } from 'hono';
import type { Logger } from 'pino';
import type { ConfigStore } from '../config-versions/store.ts';
import type { Db } from '../db/client.ts';
import type { Session, User } from '../db/schema.ts';
import type { CalibrationRegistry } from '../calibration/registry.ts';
import type { ProviderGate } from '../jobs/provider-gate.ts';
import type { Metrics } from '../metrics.ts';
import type { I18n } from '../i18n/index.ts';
import type { Assets } from './assets.ts';
import type { Limiters } from './limiters.ts';

/** Everything a handler may use; built once in server.ts (or a test) and passed to createApp. */
export interface AppDeps {
  db: Db;
  config: ConfigStore;
  now: () => number;
  queue: { notify(): void };
  /** The provider's state as the worker pool sees it (paused, failing auth): for /health. */
  gate: Pick<ProviderGate, 'health' | 'pausedUntil' | 'wait' | 'providerBusy' | 'succeeded' | 'badRequest'>;
  /** Calibration runs going on in this process. */
  calibrations: CalibrationRegistry;
  log: Logger;
  assets: Assets;
  metrics: Metrics;
  /** Process state the probes report: draining during shutdown; start time and version for /admin/system. */
  lifecycle: Lifecycle;
}

export interface Lifecycle {
  draining: boolean;
  startedAt: number;
  version: string;
}

export interface AppEnv {
  Variables: {
    deps: AppDeps;
    user: User | undefined;
    session: Session | undefined;
    requestId: string;
    /** The in-memory request limiters (per IP, per session for polling). */
    limiters: Limiters;
    /** The UI language of this request, with its translator and formatters. */
    i18n: I18n;
  };
}

export type Ctx = Context<AppEnv>;

/** True when the client asked for JSON rather than a page. */
export function wantsJson(c: Ctx): boolean {
  const accept = c.req.header('accept') ?? '';
  return accept.includes('application/json') && !accept.includes('text/html');
}

/** True for requests htmx made (they get fragments or HX-Redirect instead of 303s). */
export function isHtmx(c: Ctx): boolean {
  return c.req.header('hx-request') === 'true';
}
