import type { DraftRef } from '../config-versions/drafts.ts';
import { findAssignment } from '../db/queries/assignments.ts';
import { withAudit } from '../db/queries/audit.ts';
import { findActiveCalibrationRun, insertCalibrationRun } from '../db/queries/calibration.ts';
import type { Assignment } from '../db/schema.ts';
import { anchorMisfits, anchorsHash, shippedAnchorsIn, type Anchor, type VersionedAnchor } from './anchors.ts';
import { effectiveAnchors } from './effective-anchors.ts';
import type { CalibrationDeps } from './deps.ts';
import { calibrationConfig, type RunConfig } from './run-config.ts';
import { executeRun } from './run-readings.ts';
import type { RunSnapshot } from './snapshot.ts';

export interface StartCalibration {
  assignmentId: number;
  samples: number;
  draft?: DraftRef;
  /** batch: every reading through the Message Batches API (half price, slower); default direct. */
  mode?: 'direct' | 'batch';
  /** id null: the command line. */
  startedBy: { id: string | null; username: string };
}

/** Why a run was not started; `field` is the form field the problem belongs to. */
export type StartProblem =
  | { kind: 'assignment' | 'draft' | 'config' | 'no-anchors'; message: string }
  | { kind: 'running'; message: string; runId: number };

export type StartResult = { ok: true; id: number; anchors: number; skipped: number } | { ok: false; problem: StartProblem };

/** The anchors of the assignment that fit the rubric used and the memo limit in force, and those skipped with the reasons. */
function pickAnchors(deps: CalibrationDeps, a: Assignment, cfg: RunConfig): { use: VersionedAnchor[]; skipped: RunSnapshot['skipped'] } | { error: string } {
  let shipped: Anchor[];
  try {
    shipped = shippedAnchorsIn(deps.config.env.configDir);
  } catch (err) {
    return { error: (err as Error).message };
  }
  const use: VersionedAnchor[] = [];
  const skipped: RunSnapshot['skipped'] = [];
  // Anchors cost what student memos cost: no longer than a student may send (llm.yaml max_chars in force).
  const maxChars = deps.config.current.files.llm.max_chars;
  for (const va of effectiveAnchors(deps.db, a.id, shipped, deps.log)) {
    const reasons = anchorMisfits(va.anchor, cfg.files.rubric);
    const chars = [...va.anchor.memo].length;
    if (chars > maxChars) reasons.push(`the memo has ${chars} characters, more than llm.yaml max_chars (${maxChars})`);
    if (reasons.length) skipped.push({ id: va.anchor.id, version: va.version, reasons });
    else use.push(va);
  }
  return { use, skipped };
}

function snapshotOf(use: VersionedAnchor[], skipped: RunSnapshot['skipped'], cfg: RunConfig): RunSnapshot {
  const { scale, criteria } = cfg.files.rubric;
  return {
    anchors: use.map(({ anchor, version }) => ({ id: anchor.id, title: anchor.title, tags: anchor.tags, version, expected: { overall: anchor.expected.overall, criteria: anchor.expected.criteria } })),
    skipped,
    rubric: { scale: { min: scale.min, max: scale.max }, criteria: criteria.map((c) => ({ id: c.id, name: c.name, weight: c.weight })) },
  };
}

/** The run's row as first stored (queued, nothing done). */
function runRow(input: StartCalibration, cfg: RunConfig, use: VersionedAnchor[], snapshot: RunSnapshot, now: number) {
  const { provider, versions, sources } = cfg;
  return {
    assignmentId: input.assignmentId,
    samples: input.samples,
    mode: input.mode ?? 'direct',
    provider: provider.name,
    model: provider.model,
    effort: cfg.files.llm.effort,
    rubricVersion: versions.rubric,
    promptVersion: versions.prompt,
    llmVersion: versions.llm,
    rubricSource: sources.rubric,
    promptSource: sources.prompt,
    llmSource: sources.llm,
    draftName: cfg.draft?.name ?? null,
    draftVersion: cfg.draft?.version ?? null,
    anchorsJson: JSON.stringify(snapshot),
    anchorsHash: anchorsHash(use),
    readingsTotal: use.length * input.samples,
    startedById: input.startedBy.id,
    startedByName: input.startedBy.username,
    createdAt: now,
  };
}

export type { CalibrationDeps } from './deps.ts';

/**
 * Checks and stores a calibration run (audited), then runs its readings in the background of this
 * process; `deps.runs.whenDone(id)` resolves when it has finished.
 */
export function startCalibrationRun(deps: CalibrationDeps, input: StartCalibration): StartResult {
  const a = findAssignment(deps.db, input.assignmentId);
  if (!a) return { ok: false, problem: { kind: 'assignment', message: 'There is no such assignment.' } };
  const resolved = calibrationConfig(deps.db, deps.config, a, input.draft);
  if (!resolved.ok) return { ok: false, problem: { kind: input.draft ? 'draft' : 'config', message: resolved.message } };
  const cfg = resolved.config;
  if (input.mode === 'batch' && !cfg.provider.batch) return { ok: false, problem: { kind: 'config', message: `The ${cfg.provider.name === 'demo' ? 'offline demo evaluator' : cfg.provider.name} provider has no Message Batches API; run without batch.` } };
  const picked = pickAnchors(deps, a, cfg);
  if ('error' in picked) return { ok: false, problem: { kind: 'config', message: picked.error } };
  if (picked.use.length === 0) {
    const why = picked.skipped.length ? ` (${picked.skipped.length} don't fit the rubric: ${picked.skipped.map((s) => s.id).join(', ')})` : '';
    return { ok: false, problem: { kind: 'no-anchors', message: `There are no anchor memos for "${a.slug}"${why}. Add them in config/anchors/ or the anchor console.` } };
  }
  const active = findActiveCalibrationRun(deps.db, a.id, cfg.versions);
  if (active !== undefined) return { ok: false, problem: { kind: 'running', message: `Run ${active} is already calibrating this assignment with this exact config.`, runId: active } };
  const now = deps.now();
  const snapshot = snapshotOf(picked.use, picked.skipped, cfg);
  const row = runRow(input, cfg, picked.use, snapshot, now);
  const details = { assignment: a.slug, samples: input.samples, mode: input.mode ?? 'direct', draft: cfg.draft ? `${cfg.draft.name}:${cfg.draft.version}` : null, anchors: picked.use.length };
  const id = withAudit(deps.db, (runId: number) => ({ actor: input.startedBy, action: 'calibration.start', target: `calibration run ${runId}`, details, now }), () => insertCalibrationRun(deps.db, row));
  deps.runs.track(id, executeRun(deps, id, cfg, picked.use, snapshot, input.samples, input.mode));
  return { ok: true, id, anchors: picked.use.length, skipped: picked.skipped.length };
}
