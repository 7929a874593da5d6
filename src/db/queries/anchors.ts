import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { anchorVersions, type AnchorVersion } from '../schema.ts';

/** The newest stored version of each anchor of an assignment (yaml null: removed at that version). */
export function latestAnchorVersions(db: Db, assignmentId: number): AnchorVersion[] {
  const newest = db
    .select({ anchorId: anchorVersions.anchorId, version: sql<number>`max(${anchorVersions.version})`.as('newest') })
    .from(anchorVersions)
    .where(eq(anchorVersions.assignmentId, assignmentId))
    .groupBy(anchorVersions.anchorId)
    .as('newest');
  return db
    .select({ row: anchorVersions })
    .from(anchorVersions)
    .innerJoin(newest, and(eq(newest.anchorId, anchorVersions.anchorId), eq(newest.version, anchorVersions.version)))
    .where(eq(anchorVersions.assignmentId, assignmentId))
    .orderBy(anchorVersions.anchorId)
    .all()
    .map((r) => r.row);
}
