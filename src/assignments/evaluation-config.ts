import { versionsOf } from '../config/index.ts';
import { validateConfigText, type FileConfig } from '../config/load.ts';
import type { PromptConfig, Rubric } from '../config/schemas.ts';
import { issueText, versionYaml } from '../config-versions/versions.ts';
import type { ConfigStore } from '../config-versions/store.ts';
import { defaultAssignment, findAssignment } from '../db/queries/assignments.ts';
import type { Db } from '../db/client.ts';
import type { Assignment } from '../db/schema.ts';

/** What one evaluation runs with: its assignment's brief, rubric and prompt, and the hashes it records. */
export interface EvaluationConfig {
  rubric: Rubric;
  prompt: PromptConfig;
  /** The assignment's brief ('' for none): rendered into the cached system prompt. */
  context: string;
  versions: { rubric: string; prompt: string };
}

export type EvaluationConfigResult = { ok: true; config: EvaluationConfig } | { ok: false; message: string };

type Pinned<N extends 'rubric' | 'prompt'> = { ok: true; value: FileConfig[N] } | { ok: false; message: string };

/** A pinned version of one config, read and checked again now (it was valid when saved, rules may have changed). */
function pinnedFile<N extends 'rubric' | 'prompt'>(db: Db, store: ConfigStore, a: Assignment, name: N, version: number): Pinned<N> {
  const where = `${name}.yaml v${version}${version === 0 ? ' (the shipped file)' : ''}, pinned by assignment "${a.slug}"`;
  const yaml = versionYaml(db, store, name, version);
  if (yaml === undefined) return { ok: false, message: `Not sent: ${where}, no longer exists` };
  const res = validateConfigText(name, yaml);
  if (!res.ok) return { ok: false, message: `Not sent: ${where}, no longer validates: ${res.issues.map(issueText).join('; ')}` };
  return { ok: true, value: res.value };
}

/**
 * The config for an evaluation of a memo in `assignmentId` (null: the default assignment): the live
 * rubric and prompt unless the assignment pins versions. A pinned version that no longer validates
 * is a clear failure, never a silent fall-back to another rubric.
 */
export function evaluationConfig(db: Db, store: ConfigStore, assignmentId: number | null): EvaluationConfigResult {
  const live = store.current;
  const a = (assignmentId === null ? undefined : findAssignment(db, assignmentId)) ?? defaultAssignment(db);
  const rubric = a.rubricVersion === null ? ({ ok: true, value: live.files.rubric } as const) : pinnedFile(db, store, a, 'rubric', a.rubricVersion);
  if (!rubric.ok) return rubric;
  const prompt = a.promptVersion === null ? ({ ok: true, value: live.files.prompt } as const) : pinnedFile(db, store, a, 'prompt', a.promptVersion);
  if (!prompt.ok) return prompt;
  const hashes = versionsOf({ ...live.files, rubric: rubric.value, prompt: prompt.value });
  return { ok: true, config: { rubric: rubric.value, prompt: prompt.value, context: a.context, versions: { rubric: hashes.rubric, prompt: hashes.prompt } } };
}
