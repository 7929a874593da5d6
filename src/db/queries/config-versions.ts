import { and, count, desc, eq, inArray, isNull, lt, lte, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { configVersions, evaluations, type ConfigVersion } from '../schema.ts';

export type ConfigName = ConfigVersion['name'];

/** A row of a config's version history, without the YAML text. */
export type ConfigVersionSummary = Pick<ConfigVersion, 'version' | 'hash' | 'authorName' | 'note' | 'createdAt' | 'status' | 'publishedVersion'>;

const summary = {
  version: configVersions.version,
  hash: configVersions.hash,
  authorName: configVersions.authorName,
  note: configVersions.note,
  createdAt: configVersions.createdAt,
  status: configVersions.status,
  publishedVersion: configVersions.publishedVersion,
};

const published = eq(configVersions.status, 'published');

/** The newest published version of one config (the one in force), or undefined when only the shipped file exists. */
export function latestConfigVersion(db: Db, name: ConfigName): ConfigVersion | undefined {
  return db.select().from(configVersions).where(and(eq(configVersions.name, name), published)).orderBy(desc(configVersions.version)).limit(1).get();
}

/** One draft of one config (still a draft: not published, not discarded), or undefined. */
export function findDraftVersion(db: Db, name: ConfigName, version: number): ConfigVersion | undefined {
  return db
    .select()
    .from(configVersions)
    .where(and(eq(configVersions.name, name), eq(configVersions.version, version), eq(configVersions.status, 'draft'), isNull(configVersions.publishedVersion)))
    .get();
}

/** One saved draft of one config, open, published (published_version set) or discarded; undefined for a published version. */
export function findSavedDraft(db: Db, name: ConfigName, version: number): ConfigVersion | undefined {
  return db
    .select()
    .from(configVersions)
    .where(and(eq(configVersions.name, name), eq(configVersions.version, version), inArray(configVersions.status, ['draft', 'discarded'])))
    .get();
}

/** One published version of one config (never a draft), or undefined. */
export function findPublishedVersion(db: Db, name: ConfigName, version: number): ConfigVersion | undefined {
  return db.select().from(configVersions).where(and(eq(configVersions.name, name), eq(configVersions.version, version), published)).get();
}

/** The newest published versions of one config, newest first: what an assignment may pin. */
export function listPublishedVersions(db: Db, name: ConfigName, limit: number): ConfigVersionSummary[] {
  return db.select(summary).from(configVersions).where(and(eq(configVersions.name, name), published)).orderBy(desc(configVersions.version)).limit(limit).all();
}

/** The published version before `version` (0, the shipped file, when there is none). */
export function previousPublishedVersion(db: Db, name: ConfigName, version: number): number {
  const row = db
    .select({ version: configVersions.version })
    .from(configVersions)
    .where(and(eq(configVersions.name, name), published, lt(configVersions.version, version)))
    .orderBy(desc(configVersions.version))
    .limit(1)
    .get();
  return row?.version ?? 0;
}

/** The published version after `version`, or undefined when it is the newest. */
export function nextPublishedVersion(db: Db, name: ConfigName, version: number): number | undefined {
  return db
    .select({ version: configVersions.version })
    .from(configVersions)
    .where(and(eq(configVersions.name, name), published, sql`${configVersions.version} > ${version}`))
    .orderBy(configVersions.version)
    .limit(1)
    .get()?.version;
}

/** Marks an open draft discarded; false when it is not an open draft. Call inside the caller's transaction. */
export function discardDraftVersion(db: Db, name: ConfigName, version: number): boolean {
  const res = db
    .update(configVersions)
    .set({ status: 'discarded' })
    .where(and(eq(configVersions.name, name), eq(configVersions.version, version), eq(configVersions.status, 'draft'), isNull(configVersions.publishedVersion)))
    .run();
  return res.changes > 0;
}

/** Records which published version an open draft became; false when it is not an open draft. Call inside the caller's transaction. */
export function markDraftPublished(db: Db, name: ConfigName, version: number, publishedVersion: number): boolean {
  const res = db
    .update(configVersions)
    .set({ publishedVersion })
    .where(and(eq(configVersions.name, name), eq(configVersions.version, version), eq(configVersions.status, 'draft'), isNull(configVersions.publishedVersion)))
    .run();
  return res.changes > 0;
}

/** One version of one config, or undefined. */
export function findConfigVersion(db: Db, name: ConfigName, version: number): ConfigVersion | undefined {
  return db.select().from(configVersions).where(and(eq(configVersions.name, name), eq(configVersions.version, version))).get();
}

/** The newest versions of one config, newest first. */
export function listConfigVersions(db: Db, name: ConfigName, limit: number): ConfigVersionSummary[] {
  return db.select(summary).from(configVersions).where(eq(configVersions.name, name)).orderBy(desc(configVersions.version)).limit(limit).all();
}

/** Number of stored versions of one config. */
export function countConfigVersions(db: Db, name: ConfigName): number {
  return db.select({ n: count() }).from(configVersions).where(eq(configVersions.name, name)).get()?.n ?? 0;
}

/**
 * The published version number whose content has this hash (the value evaluations store), newest first;
 * with `at`, only versions saved by then. Undefined when no stored version matches (e.g. the shipped file).
 */
export function findVersionByHash(db: Db, name: ConfigName, hash: string, at?: number): number | undefined {
  const when = at === undefined ? undefined : lte(configVersions.createdAt, at);
  return db
    .select({ version: configVersions.version })
    .from(configVersions)
    .where(and(eq(configVersions.name, name), eq(configVersions.hash, hash), published, when))
    .orderBy(desc(configVersions.version))
    .limit(1)
    .get()?.version;
}

export interface NewConfigVersion {
  name: ConfigName;
  yaml: string;
  hash: string;
  author: { id: string; username: string | null };
  note: string;
  now: number;
  /** Default published (in force at once); a draft waits for calibration and publishing. */
  status?: 'published' | 'draft';
}

/** Appends a version numbered one past the newest of that config; returns its number. Call inside the caller's transaction. */
export function insertConfigVersion(db: Db, v: NewConfigVersion): number {
  const max = db.select({ n: sql<number | null>`max(${configVersions.version})` }).from(configVersions).where(eq(configVersions.name, v.name)).get()?.n ?? 0;
  const version = max + 1;
  db.insert(configVersions)
    .values({ name: v.name, version, yaml: v.yaml, hash: v.hash, authorId: v.author.id, authorName: v.author.username ?? v.author.id, note: v.note, createdAt: v.now, status: v.status ?? 'published' })
    .run();
  return version;
}

/** The config hashes the newest successful evaluation used (by id, so the status index serves it), or undefined. */
export function lastEvaluationVersions(db: Db): { id: number; rubric: string | null; prompt: string | null; llm: string | null; finishedAt: number | null } | undefined {
  return db
    .select({ id: evaluations.id, rubric: evaluations.rubricVersion, prompt: evaluations.promptVersion, llm: evaluations.llmVersion, finishedAt: evaluations.finishedAt })
    .from(evaluations)
    .where(eq(evaluations.status, 'done'))
    .orderBy(desc(evaluations.id))
    .limit(1)
    .get();
}
