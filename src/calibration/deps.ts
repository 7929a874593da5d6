import type { Logger } from 'pino';
import type { ConfigStore } from '../config-versions/store.ts';
import type { Db } from '../db/client.ts';
import type { ProviderGate } from '../jobs/provider-gate.ts';
import type { CalibrationRegistry } from './registry.ts';

/** What a calibration run needs from the app (or the command line). */
export interface CalibrationDeps {
  db: Db;
  config: ConfigStore;
  now: () => number;
  log: Logger;
  /** The evaluation pool's gate: a paused provider pauses calibration readings too. */
  gate: Pick<ProviderGate, 'wait' | 'providerBusy' | 'succeeded' | 'badRequest'>;
  runs: CalibrationRegistry;
}

