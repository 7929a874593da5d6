import type { Db } from '../db/client.ts';
import { findDraftVersion } from '../db/queries/config-versions.ts';
import { versionsOf } from '../config/index.ts';
import { validateConfigText, type FileConfig } from '../config/load.ts';
import type { ConfigName } from '../config/schemas.ts';
import { formatIssue } from '../config/yaml-source.ts';
import { providerProblem, withConfig, type ConfigSources } from './effective.ts';
import type { ConfigStore } from './store.ts';
import { isConfigName } from './versions.ts';

/** A config draft, written `prompt:7` on the command line and in forms. */
export interface DraftRef {
  name: ConfigName;
  version: number;
}

/** Only these need a calibration run before publishing: they change scores. */
export const CALIBRATED_CONFIGS: readonly ConfigName[] = ['rubric', 'prompt', 'llm'];

/** `prompt:7` → { name: 'prompt', version: 7 }; undefined when it isn't one. */
export function parseDraftRef(text: string): DraftRef | undefined {
  const m = /^([a-z]+):(\d{1,9})$/.exec(text.trim());
  if (!m || !isConfigName(m[1])) return undefined;
  return { name: m[1], version: Number(m[2]) };
}

export const draftRefText = (d: DraftRef): string => `${d.name}:${d.version}`;

export type DraftFiles =
  | { ok: true; files: FileConfig; versions: Record<ConfigName, string>; sources: ConfigSources }
  | { ok: false; message: string };

/** The config in force with one draft swapped in (its stored version number as the source), for a calibration run. */
export function filesWithDraft(db: Db, store: ConfigStore, ref: DraftRef): DraftFiles {
  const row = findDraftVersion(db, ref.name, ref.version);
  if (!row) return { ok: false, message: `There is no draft ${draftRefText(ref)} (it may have been published or discarded)` };
  const res = validateConfigText(ref.name, row.yaml, `${ref.name}.yaml draft v${ref.version}`);
  if (!res.ok) return { ok: false, message: `Draft ${draftRefText(ref)} is not valid: ${res.issues.map(formatIssue).join('; ')}` };
  const files = withConfig(store.current.files, ref.name, res.value, store.env);
  const problem = providerProblem(files, store.env);
  if (problem) return { ok: false, message: `Draft ${draftRefText(ref)} can't be used: ${problem}` };
  return { ok: true, files, versions: versionsOf(files), sources: { ...store.current.sources, [ref.name]: ref.version } };
}
