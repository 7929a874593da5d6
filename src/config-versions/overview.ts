import type { Db } from '../db/client.ts';
import {
  countConfigVersions,
  findConfigVersion,
  lastEvaluationVersions,
  latestConfigVersion,
  listConfigVersions,
  type ConfigVersionSummary,
} from '../db/queries/config-versions.ts';
import { compactDiff, diffLines, diffStats, type DiffLine, type DiffSkip } from '../text/diff.ts';
import { versionsOf } from '../config/index.ts';
import type { ConfigName } from '../config/schemas.ts';
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
  /** The newest stored version, when it is not the one in force (it failed validation at start-up). */
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
    const row = inForce > 0 ? findConfigVersion(db, name, inForce) : undefined;
    const newest = history[0]?.version ?? 0;
    return {
      name,
      inForce,
      hash: store.current.versions[name],
      inForceRow: row && { version: row.version, hash: row.hash, authorName: row.authorName, note: row.note, createdAt: row.createdAt },
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

/** One version with its metadata and its line diff against the version before it. */
export interface ConfigVersionView {
  name: ConfigName;
  version: number;
  yaml: string;
  /** Undefined for the shipped file (version 0). */
  saved: { authorName: string; note: string; createdAt: number; hash: string } | undefined;
  inForce: number;
  /** The version compared with: v(n-1), the shipped file for v1, none for the shipped file itself. */
  previous: number | undefined;
  diff: (DiffLine | DiffSkip)[];
  stats: { added: number; deleted: number };
  newest: number;
}

/** Version `version` of a config (0 = the shipped file), or undefined when there is none. */
export function configVersionView(db: Db, store: ConfigStore, name: ConfigName, version: number): ConfigVersionView | undefined {
  const row = version > 0 ? findConfigVersion(db, name, version) : undefined;
  if (version > 0 && !row) return undefined;
  const yaml = row ? row.yaml : versionYaml(db, store, name, 0)!;
  const previous = version > 0 ? version - 1 : undefined;
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
    newest: latestConfigVersion(db, name)?.version ?? 0,
  };
}
