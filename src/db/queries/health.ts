import { sql } from 'drizzle-orm';
import type { Db } from '../client.ts';

/** Reads from the database; throws when it is unreadable. Returns the number of evaluations. */
export function pingDatabase(db: Db): number {
  return db.get<{ n: number }>(sql`select count(*) as n from evaluations`).n;
}

/** When the oldest memo was written (ms), or undefined: how long data has existed without a backup. */
export function oldestSubmissionAt(db: Db): number | undefined {
  return db.get<{ t: number | null }>(sql`select min(created_at) as t from submissions`).t ?? undefined;
}
