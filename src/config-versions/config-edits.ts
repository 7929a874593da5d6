import type { Db } from '../db/client.ts';
import { insertAudit } from '../db/queries/audit.ts';
import { discardDraftVersion, insertConfigVersion } from '../db/queries/config-versions.ts';
import type { ConfigName } from '../config/schemas.ts';
import { CALIBRATED_CONFIGS, type DraftRef } from './drafts.ts';
import type { ConfigStore } from './store.ts';
import { checkNewVersion, rollbackNote, rollbackToVersion, saveConfigVersion, type SaveInput, type SaveOutcome } from './versions.ts';

// What an admin's edit of a config does: rubric, prompt and llm change scores, so an edit or a
// rollback of them is saved as a draft (calibrated, then published: publish.ts); auth.yaml is
// installed at once, as before.

type Deps = { db: Db; store: ConfigStore; now: () => number };

/** A save or rollback's result; `draft` says whether it waits to be published. */
export type EditOutcome = (Extract<SaveOutcome, { ok: true }> & { draft: boolean }) | Extract<SaveOutcome, { ok: false }>;

/** True for a config whose edits go through draft → calibrate → publish. */
export function isCalibrated(name: ConfigName): boolean {
  return CALIBRATED_CONFIGS.includes(name);
}

/**
 * Validates YAML like any save and, if it differs from the config in force, stores it as a draft
 * (audit: config.draft, in one transaction). Nothing is installed: evaluations never see a draft.
 */
export function saveConfigDraft(deps: Deps, input: Omit<SaveInput, 'action' | 'within'>): SaveOutcome {
  const { db } = deps;
  const { name, note, author } = input;
  const checked = checkNewVersion(deps.store, name, input.yaml);
  if (!checked.ok) return checked;
  const { yaml, hash } = checked;
  const now = deps.now();
  const version = db.transaction(() => {
    const v = insertConfigVersion(db, { name, yaml, hash, author, note, now, status: 'draft' });
    insertAudit(db, { actor: author, action: 'config.draft', target: name, details: { version: v, note, ...input.details }, now });
    return v;
  });
  return { ok: true, version, hash };
}

/** An edit from the editor: a draft for rubric, prompt and llm; a new version in force for auth. */
export function saveConfigEdit(deps: Deps, input: { name: ConfigName; yaml: string; note: string; author: SaveInput['author'] }): EditOutcome {
  const draft = isCalibrated(input.name);
  const res = draft ? saveConfigDraft(deps, input) : saveConfigVersion(deps, { ...input, action: 'config.save' });
  return res.ok ? { ...res, draft } : res;
}

/** A rollback: the old text as a new draft (rubric, prompt, llm) or as the new version in force (auth). */
export function rollbackConfigEdit(deps: Deps, input: { name: ConfigName; version: number; yaml: string; note: string; author: SaveInput['author'] }): EditOutcome {
  if (!isCalibrated(input.name)) {
    const res = rollbackToVersion(deps, input);
    return res.ok ? { ...res, draft: false } : res;
  }
  const note = rollbackNote(input.version, input.note);
  const res = saveConfigDraft(deps, { name: input.name, yaml: input.yaml, note, author: input.author, details: { from: input.version } });
  return res.ok ? { ...res, draft: true } : res;
}

/** Discards an open draft (audit: config.discard); false when it is not an open draft. */
export function discardDraft(deps: Deps, ref: DraftRef, author: SaveInput['author']): boolean {
  const { db } = deps;
  return db.transaction(() => {
    if (!discardDraftVersion(db, ref.name, ref.version)) return false;
    insertAudit(db, { actor: author, action: 'config.discard', target: ref.name, details: { version: ref.version }, now: deps.now() });
    return true;
  });
}
