import { sql } from 'drizzle-orm';
import type { Db } from '../client.ts';

/** Reads from the database; throws when it is unreadable. Returns the number of evaluations. */
export function pingDatabase(db: Db): number {
  return db.get<{ n: number }>(sql`select count(*) as n from evaluations`).n;
}
