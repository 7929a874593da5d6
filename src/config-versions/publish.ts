import type { Db } from '../db/client.ts';
import { findDraftVersion, markDraftPublished } from '../db/queries/config-versions.ts';
import type { ConfigIssue } from '../config/yaml-source.ts';
import type { DraftRef } from './drafts.ts';
import { publishCheck, type PublishCheck } from './publish-gate.ts';
import type { ConfigStore } from './store.ts';
import { saveConfigVersion, type SaveInput } from './versions.ts';

/** Longest override note: why a draft is published although the gate refused it. */
export const MAX_OVERRIDE_NOTE = 500;

export type PublishOutcome =
  | { ok: true; version: number; check: PublishCheck }
  | { ok: false; reason: 'not-draft' }
  | { ok: false; reason: 'refused'; check: PublishCheck }
  | { ok: false; reason: 'unchanged'; check: PublishCheck }
  | { ok: false; reason: 'invalid'; issues: ConfigIssue[]; check: PublishCheck };

export interface PublishInput {
  ref: DraftRef;
  author: SaveInput['author'];
  /** Set when an admin publishes despite the gate ("Publish anyway"): their reason, 1 to 500 characters. */
  overrideNote?: string;
}

/**
 * Publishes an open draft: if the publish gate allows it (or with an override note), its text is
 * appended as a new published version and installed, the draft records which version it became, and
 * the audit entry (config.publish or config.publish_override, with both hit rates) is written, all in
 * one transaction. The draft's text is validated again: rules or the config in force may have changed.
 */
export function publishDraft(deps: { db: Db; store: ConfigStore; now: () => number }, input: PublishInput): PublishOutcome {
  const { db, store } = deps;
  const { ref, overrideNote } = input;
  const draft = findDraftVersion(db, ref.name, ref.version);
  if (!draft) return { ok: false, reason: 'not-draft' };
  const check = publishCheck(db, store, ref);
  if (!check.allowed && overrideNote === undefined) return { ok: false, reason: 'refused', check };
  const details = {
    draft: ref.version,
    draftRun: check.draftRun?.id ?? null,
    draftHitRate: check.draftRun?.hitRate ?? null,
    publishedRun: check.baseline?.id ?? null,
    publishedHitRate: check.baseline?.hitRate ?? null,
    tolerance: check.tolerance,
    ...(overrideNote === undefined ? {} : { overrideNote, refusedBecause: check.reasons }),
  };
  const res = saveConfigVersion(deps, {
    name: ref.name,
    yaml: draft.yaml,
    note: `Published draft v${ref.version}: ${draft.note}`,
    author: input.author,
    action: overrideNote === undefined ? 'config.publish' : 'config.publish_override',
    details,
    within: (version) => markDraftPublished(db, ref.name, ref.version, version),
  });
  return res.ok ? { ok: true, version: res.version, check } : { ...res, check };
}
