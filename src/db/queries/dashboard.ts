import { sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { evaluations } from '../schema.ts';

/** Counts and sums behind the admin dashboard, for evaluations created since `since`. */
export interface DashboardStats {
  created: number;
  done: number;
  failed: number;
  avgDurationMs: number | null;
}

/** One pass over the evaluations created since a time. */
export function evaluationStatsSince(db: Db, since: number): DashboardStats {
  const e = evaluations;
  const row = db
    .select({
      created: sql<number>`count(*)`,
      done: sql<number>`coalesce(sum(${e.status} = 'done'), 0)`,
      failed: sql<number>`coalesce(sum(${e.status} = 'failed'), 0)`,
      avgDurationMs: sql<number | null>`avg(case when ${e.status} = 'done' then ${e.finishedAt} - ${e.startedAt} end)`,
    })
    .from(e)
    .where(sql`${e.createdAt} >= ${since}`)
    .get();
  return row ?? { created: 0, done: 0, failed: 0, avgDurationMs: null };
}

/** Evaluations waiting or running right now. */
export function queueDepth(db: Db): { queued: number; running: number } {
  const row = db
    .select({ queued: sql<number>`coalesce(sum(${evaluations.status} = 'queued'), 0)`, running: sql<number>`coalesce(sum(${evaluations.status} = 'running'), 0)` })
    .from(evaluations)
    .where(sql`${evaluations.status} in ('queued', 'running')`)
    .get();
  return row ?? { queued: 0, running: 0 };
}
