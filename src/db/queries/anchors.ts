import { and, desc, eq, isNotNull, sql } from 'drizzle-orm';
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

/** One stored version of an anchor as its history lists it (no text). */
export interface AnchorVersionSummary {
  version: number;
  removed: boolean;
  authorName: string;
  note: string;
  createdAt: number;
}

/** The stored versions of one anchor of an assignment, newest first. */
export function anchorHistory(db: Db, assignmentId: number, anchorId: string): AnchorVersionSummary[] {
  return db
    .select({ version: anchorVersions.version, removed: sql<number>`${anchorVersions.yaml} is null`, authorName: anchorVersions.authorName, note: anchorVersions.note, createdAt: anchorVersions.createdAt })
    .from(anchorVersions)
    .where(and(eq(anchorVersions.assignmentId, assignmentId), eq(anchorVersions.anchorId, anchorId)))
    .orderBy(desc(anchorVersions.version))
    .all()
    .map((r) => ({ ...r, removed: Boolean(r.removed) }));
}

/** One stored version of an anchor of an assignment. */
export function findAnchorVersion(db: Db, assignmentId: number, anchorId: string, version: number): AnchorVersion | undefined {
  return db
    .select()
    .from(anchorVersions)
    .where(and(eq(anchorVersions.assignmentId, assignmentId), eq(anchorVersions.anchorId, anchorId), eq(anchorVersions.version, version)))
    .get();
}

/** The newest stored version of one anchor of an assignment that has a text (not a removal). */
export function lastAnchorText(db: Db, assignmentId: number, anchorId: string): AnchorVersion | undefined {
  return db
    .select()
    .from(anchorVersions)
    .where(and(eq(anchorVersions.assignmentId, assignmentId), eq(anchorVersions.anchorId, anchorId), isNotNull(anchorVersions.yaml)))
    .orderBy(desc(anchorVersions.version))
    .limit(1)
    .get();
}

/** The highest stored version number of one anchor of an assignment (0 when none is stored). */
export function newestAnchorVersion(db: Db, assignmentId: number, anchorId: string): number {
  const row = db
    .select({ n: sql<number | null>`max(${anchorVersions.version})` })
    .from(anchorVersions)
    .where(and(eq(anchorVersions.assignmentId, assignmentId), eq(anchorVersions.anchorId, anchorId)))
    .get();
  return row?.n ?? 0;
}

/** What a new anchor version stores. */
export type NewAnchorVersion = Omit<AnchorVersion, 'id'>;

/** Appends one anchor version (never updated afterwards). */
export function insertAnchorVersion(db: Db, row: NewAnchorVersion): void {
  db.insert(anchorVersions).values(row).run();
}
