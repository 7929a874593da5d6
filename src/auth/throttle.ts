import type { AuthConfig } from '../config/schemas.ts';
import type { Db } from '../db/client.ts';
import { failuresForAddress, failuresForPair, type FailureStats } from '../db/queries/login-failures.ts';
import { MINUTE } from '../time.ts';

// Failed sign-ins slow down the one who fails, never the account: counted per (username, address)
// and per address, each with a few free failures and then a wait that doubles with every further
// failure up to a ceiling. Nothing depends on whether the username exists. See docs/decisions/009.

/** Window of the per-address count (its threshold in auth.yaml is "per 15 minutes"). */
const ADDRESS_WINDOW_MS = 15 * MINUTE;

export interface Wait {
  /** `account`: this username from this address; `network`: this address, all usernames. */
  reason: 'account' | 'network';
  retryAfterSeconds: number;
}

/** Milliseconds still to wait after `stats` failures, when `free` of them cost nothing. */
export function remainingDelayMs(stats: FailureStats, free: number, auth: AuthConfig, now: number): number {
  if (stats.n < free || stats.last === null) return 0;
  const { first_delay_seconds, lock_minutes } = auth.lockout;
  const delay = Math.min(lock_minutes * MINUTE, first_delay_seconds * 1000 * 2 ** (stats.n - free));
  return Math.max(0, stats.last + delay - now);
}

/** How long this username must wait before another try from this address, or undefined if it may try now. */
export function signInWait(db: Db, auth: AuthConfig, username: string, ip: string, now: number): Wait | undefined {
  const pair = remainingDelayMs(failuresForPair(db, username, ip, now - auth.lockout.window_minutes * MINUTE), auth.lockout.max_failures, auth, now);
  const address = remainingDelayMs(failuresForAddress(db, ip, now - ADDRESS_WINDOW_MS), auth.rate_limits.logins_per_ip_per_15_minutes, auth, now);
  const ms = Math.max(pair, address);
  if (ms === 0) return undefined;
  return { reason: pair >= address ? 'account' : 'network', retryAfterSeconds: Math.ceil(ms / 1000) };
}
