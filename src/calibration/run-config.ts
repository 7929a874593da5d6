import { evaluationConfig } from '../assignments/evaluation-config.ts';
import { versionsOf } from '../config/index.ts';
import type { FileConfig } from '../config/load.ts';
import { CALIBRATED_CONFIGS, draftRefText, filesWithDraft, type DraftRef } from '../config-versions/drafts.ts';
import type { ConfigStore } from '../config-versions/store.ts';
import type { Db } from '../db/client.ts';
import type { Assignment } from '../db/schema.ts';
import type { LlmProvider } from '../llm/types.ts';

type Calibrated = 'rubric' | 'prompt' | 'llm';

/** The exact config a calibration run uses, with the hashes and stored version numbers it records. */
export interface RunConfig {
  files: Pick<FileConfig, Calibrated>;
  /** The assignment's brief. */
  context: string;
  versions: Record<Calibrated, string>;
  sources: Record<Calibrated, number>;
  provider: LlmProvider;
  draft: DraftRef | undefined;
}

export type RunConfigResult = { ok: true; config: RunConfig } | { ok: false; message: string };

/**
 * The assignment's effective config (pinned rubric and prompt, its brief, the live llm.yaml); with a
 * draft, the draft replaces its config and its number is the source.
 */
export function calibrationConfig(db: Db, store: ConfigStore, a: Assignment, draft?: DraftRef): RunConfigResult {
  const live = store.current;
  const pinned = evaluationConfig(db, store, a.id);
  if (!pinned.ok) return pinned;
  const files: FileConfig = { ...live.files, rubric: pinned.config.rubric, prompt: pinned.config.prompt };
  const sources = { rubric: a.rubricVersion ?? live.sources.rubric, prompt: a.promptVersion ?? live.sources.prompt, llm: live.sources.llm };
  let provider = live.provider;
  if (draft) {
    if (!CALIBRATED_CONFIGS.includes(draft.name)) return { ok: false, message: `Draft ${draftRefText(draft)} doesn't change scores; only rubric, prompt and llm drafts are calibrated` };
    const d = filesWithDraft(db, store, draft);
    if (!d.ok) return d;
    Object.assign(files, { [draft.name]: d.files[draft.name] });
    sources[draft.name as Calibrated] = draft.version;
    provider = store.providerFor(files);
  }
  const v = versionsOf(files);
  return { ok: true, config: { files, context: pinned.config.context, versions: { rubric: v.rubric, prompt: v.prompt, llm: v.llm }, sources, provider, draft } };
}
