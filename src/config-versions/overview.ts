import type { Db } from '../db/client.ts';
import {
  countConfigVersions,
  findPublishedVersion,
  lastEvaluationVersions,
  latestConfigVersion,
  listConfigVersions,
  nextPublishedVersion,
  previousPublishedVersion,
  type ConfigVersionSummary,
} from '../db/queries/config-versions.ts';
import { compactDiff, diffLines, diffStats, type DiffLine, type DiffSkip } from '../text/diff.ts';
import { versionsOf } from '../config/index.ts';
import type { ConfigName } from '../config/schemas.ts';
import { isCalibrated } from './config-edits.ts';
import type { ConfigStore } from './store.ts';
import { CONFIG_NAMES, versionForHash, versionYaml } from './versions.ts';

/** Versions listed per config on the overview; older ones are reached from each version page. */
export const HISTORY_LIMIT = 50;

/** One config as the overview shows it. */
export interface ConfigOverview {
  name: ConfigName;
  /** The version in force; 0 = the shipped file. */
  inForce: number;
  hash: string;
  inForceRow: ConfigVersionSummary | undefined;
  /** The newest published version, when it is not the one in force (it failed validation at start-up). */
  skipped: number | undefined;
  history: ConfigVersionSummary[];
  total: number;
  shippedHash: string;
}

/** The four configs: what is in force, where it came from, and each one's history. */
export function configOverviews(db: Db, store: ConfigStore): ConfigOverview[] {
  const shipped = versionsOf(store.base);
  return CONFIG_NAMES.map((name) => {
    const inForce = store.current.sources[name];
    const history = listConfigVersions(db, name, HISTORY_LIMIT);
    const row = inForce > 0 ? findPublishedVersion(db, name, inForce) : undefined;
    const newest = latestConfigVersion(db, name)?.version ?? 0;
    return {
      name,
      inForce,
      hash: store.current.versions[name],
      inForceRow: row && { version: row.version, hash: row.hash, authorName: row.authorName, note: row.note, createdAt: row.createdAt, status: row.status, publishedVersion: row.publishedVersion },
      skipped: newest > inForce ? newest : undefined,
      history,
      total: countConfigVersions(db, name),
      shippedHash: shipped[name],
    };
  });
}

/** Which versions the newest successful evaluation used (version undefined: the hash matches nothing known). */
export interface LastEvaluationUse {
  id: number;
  used: { name: ConfigName; hash: string | null; version: number | undefined }[];
}

/** The config versions behind the newest successful evaluation, or undefined before there is one. */
export function lastEvaluationUse(db: Db, store: ConfigStore): LastEvaluationUse | undefined {
  const last = lastEvaluationVersions(db);
  if (!last) return undefined;
  const names = ['rubric', 'prompt', 'llm'] as const;
  const used = names.map((name) => {
    const hash = last[name];
    return { name, hash, version: hash === null ? undefined : versionForHash(db, store, name, hash, last.finishedAt ?? undefined) };
  });
  return { id: last.id, used };
}

/** One published version with its metadata and its line diff against the published version before it. */
export interface ConfigVersionView {
  name: ConfigName;
  version: number;
  yaml: string;
  /** Undefined for the shipped file (version 0). */
  saved: { authorName: string; note: string; createdAt: number; hash: string } | undefined;
  inForce: number;
  /** The version compared with: the published one before (drafts are skipped), the shipped file for the first, none for the shipped file itself. */
  previous: number | undefined;
  /** The next published version, if any. */
  next: number | undefined;
  diff: (DiffLine | DiffSkip)[];
  stats: { added: number; deleted: number };
  /** Rubric, prompt and llm: a rollback makes a draft, not a version in force. */
  rollbackMakesDraft: boolean;
}

/** Published version `version` of a config (0 = the shipped file), or undefined when there is none (a draft is none). */
export function configVersionView(db: Db, store: ConfigStore, name: ConfigName, version: number): ConfigVersionView | undefined {
  const row = version > 0 ? findPublishedVersion(db, name, version) : undefined;
  if (version > 0 && !row) return undefined;
  const yaml = row ? row.yaml : versionYaml(db, store, name, 0)!;
  const previous = version > 0 ? previousPublishedVersion(db, name, version) : undefined;
  const lines = previous === undefined ? [] : diffLines(versionYaml(db, store, name, previous) ?? '', yaml);
  return {
    name,
    version,
    yaml,
    saved: row && { authorName: row.authorName, note: row.note, createdAt: row.createdAt, hash: row.hash },
    inForce: store.current.sources[name],
    previous,
    diff: compactDiff(lines),
    stats: diffStats(lines),
    next: nextPublishedVersion(db, name, version),
    rollbackMakesDraft: isCalibrated(name),
  };
}
