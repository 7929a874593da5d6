import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dump } from 'js-yaml';
import type { Db } from '../db/client.ts';
import { insertAudit } from '../db/queries/audit.ts';
import { findPublishedVersion, findVersionByHash, insertConfigVersion } from '../db/queries/config-versions.ts';
import { CONFIG_NAMES } from '../db/schema.ts';
import type { Env } from '../config/env.ts';
import { versionsOf } from '../config/index.ts';
import { validateConfigText, type FileConfig } from '../config/load.ts';
import type { ConfigName } from '../config/schemas.ts';
import { parseYaml, type ConfigIssue } from '../config/yaml-source.ts';
import { normalizeNewlines } from '../text/newlines.ts';
import { providerProblem, withConfig } from './effective.ts';
import type { ConfigStore } from './store.ts';

export { CONFIG_NAMES };

/** True for the name of a config file the console can edit. */
export function isConfigName(x: string | undefined): x is ConfigName {
  return (CONFIG_NAMES as readonly string[]).includes(x ?? '');
}

/** An issue as the editor shows it: "line 27, criteria: weights must sum to 100 (they sum to 110)". */
export function issueText(i: ConfigIssue): string {
  const where = i.path === '(syntax)' ? 'YAML syntax error' : i.path;
  return `${i.line ? `line ${i.line}, ` : ''}${where}: ${i.message}`;
}

/** The shipped file's text; if it can't be read, the parsed defaults written back as YAML. */
export function shippedYaml(env: Env, name: ConfigName, defaults: FileConfig): string {
  try {
    return normalizeNewlines(readFileSync(join(env.configDir, `${name}.yaml`), 'utf8'));
  } catch {
    return dump(defaults[name]);
  }
}

/** The YAML text in force for one config: its stored version's, or the shipped file's. */
export function effectiveYaml(db: Db, store: ConfigStore, name: ConfigName): string {
  const version = store.current.sources[name];
  const row = version > 0 ? findPublishedVersion(db, name, version) : undefined;
  return row ? row.yaml : shippedYaml(store.env, name, store.base);
}

/** The YAML of published version `version` (0 = shipped file), or undefined when there is no such version (a draft is none). */
export function versionYaml(db: Db, store: ConfigStore, name: ConfigName, version: number): string | undefined {
  if (version === 0) return shippedYaml(store.env, name, store.base);
  return findPublishedVersion(db, name, version)?.yaml;
}

/**
 * The version an evaluation's recorded hash refers to: the newest stored version with that content
 * (saved by `at`, if given), 0 for the shipped file, undefined when neither matches.
 */
export function versionForHash(db: Db, store: ConfigStore, name: ConfigName, hash: string, at?: number): number | undefined {
  return findVersionByHash(db, name, hash, at) ?? (versionsOf(store.base)[name] === hash ? 0 : undefined);
}

export type SaveOutcome =
  | { ok: true; version: number; hash: string }
  | { ok: false; reason: 'invalid'; issues: ConfigIssue[] }
  | { ok: false; reason: 'unchanged' };

export interface SaveInput {
  name: ConfigName;
  yaml: string;
  note: string;
  author: { id: string; username: string | null };
  action: string;
  details?: Record<string, unknown>;
  /** Runs inside the save's transaction with the new version number (publishing marks its draft). */
  within?: (version: number) => void;
}

/** A checked new text for one config: the full config with it swapped in, and its hash. */
export type CheckedText = { ok: true; yaml: string; files: FileConfig; hash: string } | Extract<SaveOutcome, { ok: false }>;

/** Validates YAML as a new version of one config: every rule, a buildable provider, and a difference from the config in force. */
export function checkNewVersion(store: ConfigStore, name: ConfigName, text: string): CheckedText {
  const yaml = normalizeNewlines(text);
  const res = validateConfigText(name, yaml);
  if (!res.ok) return { ok: false, reason: 'invalid', issues: res.issues };
  const files = withConfig(store.current.files, name, res.value, store.env);
  const problem = name === 'llm' ? providerProblem(files, store.env) : undefined;
  if (problem) return { ok: false, reason: 'invalid', issues: [providerIssue(yaml, problem)] };
  const hash = versionsOf(files)[name];
  if (hash === store.current.versions[name]) return { ok: false, reason: 'unchanged' };
  return { ok: true, yaml, files, hash };
}

/**
 * Validates YAML as a new published version of one config; if valid and different from the config in
 * force, stores it (with its audit entry, in one transaction) and installs it for the next evaluation.
 * Synchronous on purpose: no other save can interleave between the check and the install.
 */
export function saveConfigVersion(deps: { db: Db; store: ConfigStore; now: () => number }, input: SaveInput): SaveOutcome {
  const { db, store } = deps;
  const { name, note, author } = input;
  const checked = checkNewVersion(store, name, input.yaml);
  if (!checked.ok) return checked;
  const { yaml, files, hash } = checked;
  const now = deps.now();
  const version = db.transaction(() => {
    const v = insertConfigVersion(db, { name, yaml, hash, author, note, now });
    input.within?.(v);
    insertAudit(db, { actor: author, action: input.action, target: name, details: { version: v, note, ...input.details }, now });
    return v;
  });
  store.replace(files, { [name]: version });
  return { ok: true, version, hash };
}

/** The provider error, placed on the `provider` line of llm.yaml. */
function providerIssue(yaml: string, message: string): ConfigIssue {
  const src = parseYaml(yaml, 'llm.yaml');
  const line = 'lineOf' in src ? src.lineOf(['provider']) : undefined;
  return { file: 'llm.yaml', path: 'provider', line, message };
}

/** Saves an old version's text (0 = the shipped file) as the newest version: history stays append-only. */
export function rollbackToVersion(
  deps: { db: Db; store: ConfigStore; now: () => number },
  input: { name: ConfigName; version: number; yaml: string; note: string; author: SaveInput['author'] },
): SaveOutcome {
  const note = rollbackNote(input.version, input.note);
  return saveConfigVersion(deps, { name: input.name, yaml: input.yaml, note, author: input.author, action: 'config.rollback', details: { from: input.version } });
}

/** A rollback's history note: "Rollback to v2: why", "Rollback to v0 (the shipped file)". */
export function rollbackNote(version: number, why: string): string {
  const target = version === 0 ? 'v0 (the shipped file)' : `v${version}`;
  return `Rollback to ${target}${why ? `: ${why}` : ''}`;
}
