import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Acting } from '../auth/accounts.ts';
import { evaluationConfig } from '../assignments/evaluation-config.ts';
import type { Rubric } from '../config/schemas.ts';
import type { ConfigIssue } from '../config/yaml-source.ts';
import type { ConfigStore } from '../config-versions/store.ts';
import { anchorHistory, findAnchorVersion, insertAnchorVersion, lastAnchorText, latestAnchorVersions, newestAnchorVersion, type AnchorVersionSummary } from '../db/queries/anchors.ts';
import { insertAudit } from '../db/queries/audit.ts';
import type { Db } from '../db/client.ts';
import type { Assignment } from '../db/schema.ts';
import { normalizeNewlines } from '../text/newlines.ts';
import { anchorMisfits, checkAnchor, parseAnchor, shippedAnchorsIn, type Anchor } from './anchors.ts';
import { effectiveAnchors } from './effective-anchors.ts';

// The per-assignment anchor console's rules: what is in force, and saving or removing a version
// (appended, never updated, each with its audit entry in the same transaction).

/** A URL segment that can't be an anchor id (the new-anchor form lives there). */
const RESERVED_IDS = new Set(['new']);

export interface AnchorDeps {
  db: Db;
  store: ConfigStore;
}

/** An anchor in force, as the console lists it: its version (0 = shipped) and what doesn't fit the assignment's rubric. */
export interface AnchorListing {
  anchor: Anchor;
  version: number;
  misfits: string[];
}

/** An anchor removed from an assignment: the version that removed it and its last title. */
export interface RemovedAnchor {
  id: string;
  title: string;
  removedAt: number;
}

export interface AnchorOverview {
  inForce: AnchorListing[];
  removed: RemovedAnchor[];
  /** Why the assignment's rubric can't be read (a pinned version that no longer validates); misfits are then unknown. */
  rubricProblem?: string;
}

/** The assignment's rubric, or why it can't be read. */
function rubricOf(deps: AnchorDeps, assignmentId: number): { ok: true; rubric: Rubric } | { ok: false; message: string } {
  const res = evaluationConfig(deps.db, deps.store, assignmentId);
  return res.ok ? { ok: true, rubric: res.config.rubric } : res;
}

const shipped = (deps: AnchorDeps) => shippedAnchorsIn(deps.store.env.configDir);

/** The anchors in force for an assignment with their misfits, and the removed ones (for restoring). */
export function anchorOverview(deps: AnchorDeps, assignmentId: number): AnchorOverview {
  const rubric = rubricOf(deps, assignmentId);
  const inForce = effectiveAnchors(deps.db, assignmentId, shipped(deps)).map((a) => ({ ...a, misfits: rubric.ok ? anchorMisfits(a.anchor, rubric.rubric) : [] }));
  const removed = latestAnchorVersions(deps.db, assignmentId)
    .filter((r) => r.yaml === null)
    .map((r) => ({ id: r.anchorId, title: lastTitle(deps, assignmentId, r.anchorId), removedAt: r.version }));
  return { inForce, removed, ...(rubric.ok ? {} : { rubricProblem: rubric.message }) };
}

function lastTitle(deps: AnchorDeps, assignmentId: number, anchorId: string): string {
  const text = lastAnchorText(deps.db, assignmentId, anchorId)?.yaml ?? shippedText(deps, anchorId);
  const res = text === undefined ? undefined : parseAnchor(text, anchorId);
  return res?.ok ? res.anchor.title : anchorId;
}

/** The shipped file's text of a shipped anchor (undefined for any other id). */
function shippedText(deps: AnchorDeps, anchorId: string): string | undefined {
  if (!shipped(deps).some((a) => a.id === anchorId)) return undefined;
  return normalizeNewlines(readFileSync(join(deps.store.env.configDir, 'anchors', `${anchorId}.yaml`), 'utf8'));
}

/** Where one anchor of an assignment stands: in force (its text and version) or removed (its last text, to restore). */
export type AnchorState = { removed: false; version: number; yaml: string } | { removed: true; version: number; yaml: string | undefined };

/** One anchor's state; undefined when the assignment never had it (neither stored nor shipped). */
export function anchorState(deps: AnchorDeps, assignmentId: number, anchorId: string): AnchorState | undefined {
  const newest = latestAnchorVersions(deps.db, assignmentId).find((r) => r.anchorId === anchorId);
  if (newest?.yaml === null) return { removed: true, version: newest.version, yaml: lastAnchorText(deps.db, assignmentId, anchorId)?.yaml ?? shippedText(deps, anchorId) };
  if (newest) return { removed: false, version: newest.version, yaml: newest.yaml };
  const text = shippedText(deps, anchorId);
  return text === undefined ? undefined : { removed: false, version: 0, yaml: text };
}

/** A starting text for a new anchor, naming the criteria of the assignment's rubric. */
export function newAnchorTemplate(deps: AnchorDeps, assignmentId: number): string {
  const rubric = rubricOf(deps, assignmentId);
  const ids = rubric.ok ? rubric.rubric.criteria.map((c) => c.id) : ['structure'];
  const scale = rubric.ok ? `${rubric.rubric.scale.min}–${rubric.rubric.scale.max}` : '1–5';
  return [
    '# An anchor memo: a memo and the scores a competent grader should give it.',
    `# Ranges are [min, max] on the rubric's scale (${scale}); leave out a criterion you don't want checked.`,
    'id: my-anchor',
    'title: A short description',
    'tags: [adequate]',
    'memo: |',
    '  Paste the memo here, every line indented by two spaces.',
    'expected:',
    '  overall: [2.5, 3.5]',
    '  criteria:',
    ...ids.map((id) => `    ${id}: [2, 4]`),
    '',
  ].join('\n');
}

export type AnchorSaveResult =
  | { ok: true; anchorId: string; version: number }
  | { ok: false; reason: 'invalid'; issues: ConfigIssue[] }
  | { ok: false; reason: 'unchanged' | 'id-mismatch' | 'id-taken' | 'no-rubric' | 'not-removed'; message: string };

export interface AnchorSaveInput {
  assignment: Assignment;
  /** The anchor being edited; null for a new one (its id then comes from the YAML and must be new). */
  anchorId: string | null;
  yaml: string;
  note: string;
}

/** Checks an anchor's text against the assignment's rubric and the id rules; the parsed anchor or why not. */
function checkSave(deps: AnchorDeps, input: AnchorSaveInput, yaml: string): { ok: true; anchor: Anchor } | Extract<AnchorSaveResult, { ok: false }> {
  const rubric = rubricOf(deps, input.assignment.id);
  if (!rubric.ok) return { ok: false, reason: 'no-rubric', message: rubric.message };
  const res = checkAnchor(yaml, 'anchor', rubric.rubric);
  if (!res.ok) return { ok: false, reason: 'invalid', issues: res.issues };
  const id = res.anchor.id;
  if (input.anchorId !== null && id !== input.anchorId) return { ok: false, reason: 'id-mismatch', message: `The id in the YAML is "${id}", but this page edits "${input.anchorId}". Keep the id (to use another id, create a new anchor and remove this one).` };
  if (input.anchorId === null && (RESERVED_IDS.has(id) || anchorState(deps, input.assignment.id, id))) return { ok: false, reason: 'id-taken', message: `The id "${id}" is taken${RESERVED_IDS.has(id) ? ' (reserved)' : ' by an anchor of this assignment (restore or edit it instead)'}. Choose another id.` };
  return { ok: true, anchor: res.anchor };
}

/** What would refuse this save (the text, the id rules, the rubric), without saving; undefined when it would go through. */
export function anchorSaveProblems(deps: AnchorDeps, input: AnchorSaveInput): Extract<AnchorSaveResult, { ok: false }> | undefined {
  const checked = checkSave(deps, input, normalizeNewlines(input.yaml));
  return checked.ok ? undefined : checked;
}

/** Appends a version of one anchor after checking it (audit: anchor.save); an identical text changes nothing. */
export function saveAnchor(deps: AnchorDeps, by: Acting, input: AnchorSaveInput): AnchorSaveResult {
  const yaml = normalizeNewlines(input.yaml);
  const checked = checkSave(deps, input, yaml);
  if (!checked.ok) return checked;
  const id = checked.anchor.id;
  const current = input.anchorId === null ? undefined : anchorState(deps, input.assignment.id, id);
  if (current && !current.removed && current.yaml.trimEnd() === yaml.trimEnd()) return { ok: false, reason: 'unchanged', message: 'Nothing changed: this text is the version in force, so no new version was saved.' };
  const version = appendVersion(deps, by, input.assignment, id, yaml, input.note, 'anchor.save');
  return { ok: true, anchorId: id, version };
}

/** Appends a removal (a version without text) of an anchor in force (audit: anchor.remove); undefined if it is already removed. */
export function removeAnchor(deps: AnchorDeps, by: Acting, assignment: Assignment, anchorId: string, note = ''): number | undefined {
  if (anchorState(deps, assignment.id, anchorId)?.removed !== false) return undefined;
  return appendVersion(deps, by, assignment, anchorId, null, note.trim() || 'Removed', 'anchor.remove');
}

/** Saves a removed anchor's last text again as a new version (audit: anchor.restore), checked like any save. */
export function restoreAnchor(deps: AnchorDeps, by: Acting, assignment: Assignment, anchorId: string): AnchorSaveResult {
  const state = anchorState(deps, assignment.id, anchorId);
  if (!state?.removed || state.yaml === undefined) return { ok: false, reason: 'not-removed', message: `The anchor ${anchorId} is not removed, so there is nothing to restore.` };
  const checked = checkSave(deps, { assignment, anchorId, yaml: state.yaml, note: '' }, state.yaml);
  if (!checked.ok) return checked;
  const version = appendVersion(deps, by, assignment, anchorId, state.yaml, `Restored (removed in v${state.version})`, 'anchor.restore');
  return { ok: true, anchorId, version };
}

/** The next version of one anchor and its audit entry, in one transaction. */
function appendVersion(deps: AnchorDeps, by: Acting, a: Assignment, anchorId: string, yaml: string | null, note: string, action: string): number {
  const { db } = deps;
  return db.transaction(() => {
    const version = newestAnchorVersion(db, a.id, anchorId) + 1;
    insertAnchorVersion(db, { assignmentId: a.id, anchorId, version, yaml, authorId: by.actor.id, authorName: by.actor.username ?? by.actor.id ?? 'system', note, createdAt: by.now });
    insertAudit(db, { ...by, action, target: `${a.slug}/${anchorId}`, details: { assignmentId: a.id, anchor: anchorId, version, note } });
    return version;
  });
}

/** What one anchor's edit page shows: its state, its stored versions (newest first), and whether it is shipped. */
export interface AnchorPageData {
  state: AnchorState;
  history: AnchorVersionSummary[];
  shipped: boolean;
}

/** One anchor's edit page data; undefined when the assignment never had this anchor. */
export function anchorPageData(deps: AnchorDeps, assignmentId: number, anchorId: string): AnchorPageData | undefined {
  const state = anchorState(deps, assignmentId, anchorId);
  if (!state) return undefined;
  return { state, history: anchorHistory(deps.db, assignmentId, anchorId), shipped: shipped(deps).some((a) => a.id === anchorId) };
}

/** One version's text (0 = the shipped file) and, for a stored one, who saved it; undefined for a removal or an unknown version. */
export function anchorVersionText(deps: AnchorDeps, assignmentId: number, anchorId: string, version: number): { yaml: string; saved?: { authorName: string; note: string; createdAt: number } } | undefined {
  if (version === 0) {
    const yaml = shippedText(deps, anchorId);
    return yaml === undefined ? undefined : { yaml };
  }
  const row = findAnchorVersion(deps.db, assignmentId, anchorId, version);
  return row?.yaml == null ? undefined : { yaml: row.yaml, saved: { authorName: row.authorName, note: row.note, createdAt: row.createdAt } };
}
