import { anchorComparison, type AnchorComparisonRow } from '../calibration/anchor-comparison.ts';
import type { Db } from '../db/client.ts';
import { DEFAULT_ASSIGNMENT_SLUG } from '../db/queries/assignments.ts';
import { newestDraftRun, type RunTotals } from '../db/queries/calibration-gate.ts';
import { findSavedDraft } from '../db/queries/config-versions.ts';
import { compactDiff, diffLines, diffStats, type DiffLine, type DiffSkip } from '../text/diff.ts';
import type { ConfigName } from '../config/schemas.ts';
import { draftRefText, type DraftRef } from './drafts.ts';
import { publishCheck, type PublishCheck } from './publish-gate.ts';
import type { ConfigStore } from './store.ts';
import { effectiveYaml } from './versions.ts';

/** What became of a draft: still open, published (as which version), or discarded. */
export type DraftState = { kind: 'open' } | { kind: 'published'; version: number } | { kind: 'discarded' };

/** One draft as its page shows it: the text, its diff against the config in force, its calibration and the publish verdict. */
export interface ConfigDraftView {
  name: ConfigName;
  version: number;
  yaml: string;
  saved: { authorName: string; note: string; createdAt: number; hash: string };
  state: DraftState;
  /** The published version in force (0 = the shipped file) and its hash. */
  inForce: number;
  inForceHash: string;
  diff: (DiffLine | DiffSkip)[];
  stats: { added: number; deleted: number };
  /** The draft's newest calibration run in any state (queued, running, failed or done). */
  latestRun: RunTotals | undefined;
  check: PublishCheck;
  /** Per anchor, the compared runs side by side (empty until both have finished). */
  anchors: AnchorComparisonRow[];
  /** What the "Calibrate" forms post: the assignment's slug, the draft as `prompt:7`, readings per anchor. */
  calibration: { assignment: string; draft: string; samples: number };
}

function stateOf(row: { status: string; publishedVersion: number | null }): DraftState {
  if (row.publishedVersion !== null) return { kind: 'published', version: row.publishedVersion };
  return row.status === 'discarded' ? { kind: 'discarded' } : { kind: 'open' };
}

/** The draft page's content, or undefined when that version is not a draft (never one, or no such version). */
export function configDraftView(db: Db, store: ConfigStore, ref: DraftRef): ConfigDraftView | undefined {
  const row = findSavedDraft(db, ref.name, ref.version);
  if (!row) return undefined;
  const lines = diffLines(effectiveYaml(db, store, ref.name), row.yaml);
  const check = publishCheck(db, store, ref);
  return {
    name: ref.name,
    version: ref.version,
    yaml: row.yaml,
    saved: { authorName: row.authorName, note: row.note, createdAt: row.createdAt, hash: row.hash },
    state: stateOf(row),
    inForce: store.current.sources[ref.name],
    inForceHash: store.current.versions[ref.name],
    diff: compactDiff(lines),
    stats: diffStats(lines),
    latestRun: newestDraftRun(db, check.assignmentId, ref, false),
    check,
    anchors: check.baseline && check.draftRun ? anchorComparison(db, check.baseline.id, check.draftRun.id) : [],
    calibration: { assignment: DEFAULT_ASSIGNMENT_SLUG, draft: draftRefText(ref), samples: store.current.files.llm.calibration.samples },
  };
}
