import type { Db } from '../db/client.ts';
import { defaultAssignment } from '../db/queries/assignments.ts';
import { newestBaselineRun, newestDraftRun, type RunTotals } from '../db/queries/calibration-gate.ts';
import { findSavedDraft } from '../db/queries/config-versions.ts';
import type { DraftRef } from './drafts.ts';
import type { ConfigStore } from './store.ts';

// The publish gate: a draft of rubric, prompt or llm is published only when its newest finished
// calibration run scores the anchors about as well as the published config's run on the same
// anchors (decision 018). The comparison is read from calibration_runs; runs are made elsewhere.

/** Hit rates are compared with this slack, so 0.85 − 0.05 isn't refused for floating-point dust. */
const EPSILON = 1e-9;

/** Draft run minus published run, for each total (undefined where either side has none). */
export interface RunDifference {
  hitRate: number | null;
  meanDistance: number | null;
  meanSpread: number | null;
  worstSpread: number | null;
  costUsd: number | null;
}

/** The comparison behind the publish button: both runs, their difference, and the verdict with its reason. */
export interface PublishCheck {
  ref: DraftRef;
  /** The assignment whose anchors are compared (the default assignment, memo). */
  assignmentId: number;
  /** llm.yaml calibration.tolerance in force: the hit-rate drop (a fraction) still allowed. */
  tolerance: number;
  /** The draft's newest finished run, if any. */
  draftRun: RunTotals | undefined;
  /** The published config's run compared with (or the outdated one found), if any. */
  baseline: RunTotals | undefined;
  difference: RunDifference | undefined;
  /** Why the published config's run can't serve as the baseline (none, or outdated), if it can't. */
  baselineProblem: string | undefined;
  allowed: boolean;
  /** Why publishing is refused (empty when allowed). */
  reasons: string[];
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const points = (x: number) => `${(x * 100).toFixed(1)} percentage points`;
const diff = (a: number | null, b: number | null) => (a === null || b === null ? null : a - b);

function differenceOf(d: RunTotals, b: RunTotals): RunDifference {
  return {
    hitRate: diff(d.hitRate, b.hitRate),
    meanDistance: diff(d.meanDistance, b.meanDistance),
    meanSpread: diff(d.meanSpread, b.meanSpread),
    worstSpread: diff(d.worstSpread, b.worstSpread),
    costUsd: d.costUsd - b.costUsd,
  };
}

/** The config hashes (rubric, prompt, llm) a run must have used: those in force, with the draft's in its place. */
function expectedVersions(db: Db, store: ConfigStore, ref: DraftRef) {
  const live = store.current.versions;
  const inForce = { rubric: live.rubric, prompt: live.prompt, llm: live.llm };
  const draftHash = findSavedDraft(db, ref.name, ref.version)?.hash;
  return { inForce, withDraft: draftHash ? { ...inForce, [ref.name]: draftHash } : inForce };
}

const sameVersions = (r: RunTotals, v: { rubric: string; prompt: string; llm: string }) => r.rubricVersion === v.rubric && r.promptVersion === v.prompt && r.llmVersion === v.llm;

/** Why the draft's own run can't be compared, or undefined when it can. */
function draftRunProblem(db: Db, assignmentId: number, ref: DraftRef, run: RunTotals | undefined, expected: { rubric: string; prompt: string; llm: string }): string | undefined {
  if (!run) {
    const pending = newestDraftRun(db, assignmentId, ref, false);
    const state = pending && pending.status !== 'done' ? ` (run #${pending.id} is ${pending.status})` : '';
    return `This draft has no finished calibration run${state}: calibrate it first.`;
  }
  if (!sameVersions(run, expected)) return `The config in force changed since draft run #${run.id}: calibrate the draft again, so it is compared with what it would replace.`;
  if (run.hitRate === null) return `Draft run #${run.id} has no hit rate (no anchor was read): calibrate it again.`;
  return undefined;
}

/** The baseline run and, when it can't serve, why. */
function baselineOf(db: Db, assignmentId: number, inForce: { rubric: string; prompt: string; llm: string }, draftRun: RunTotals | undefined) {
  const exact = newestBaselineRun(db, assignmentId, { versions: inForce, anchorsHash: draftRun?.anchorsHash });
  if (exact) return { run: exact, problem: exact.hitRate === null ? `Published run #${exact.id} has no hit rate: calibrate the published config again.` : undefined };
  const otherAnchors = newestBaselineRun(db, assignmentId, { versions: inForce });
  if (otherAnchors) return { run: otherAnchors, problem: `The baseline is outdated: published run #${otherAnchors.id} read other anchors than draft run #${draftRun?.id} (the anchors changed since). Calibrate the published config again.` };
  const older = newestBaselineRun(db, assignmentId, {});
  if (older) return { run: older, problem: `The baseline is outdated: published run #${older.id} was made with other config versions than those in force now. Calibrate the published config again.` };
  return { run: undefined, problem: 'The published config has no finished calibration run, so there is nothing to compare with: calibrate the published config too.' };
}

/**
 * Why the two runs can't be compared for who read the anchors, or undefined. A demo-evaluator run
 * measures its heuristics, not the model memos go to, so it counts only where the demo evaluator is
 * the grader in force; and a rubric or prompt draft must be read by the same model as the baseline
 * (an llm draft's run uses the draft's own model: that change is what is measured).
 */
function graderProblem(ref: DraftRef, draft: RunTotals, baseline: RunTotals, liveProvider: string): string | undefined {
  const demo = [draft, baseline].find((r) => r.provider === 'demo');
  if (demo && liveProvider !== 'demo') return `Run #${demo.id} was read by the offline demo evaluator, which measures its own heuristics, not the model memos are sent to: calibrate with the configured provider.`;
  if (ref.name !== 'llm' && (draft.provider !== baseline.provider || draft.model !== baseline.model)) {
    return `Draft run #${draft.id} was read by ${draft.provider} ${draft.model} and published run #${baseline.id} by ${baseline.provider} ${baseline.model}: both must be read by the same model. Calibrate them again.`;
  }
  return undefined;
}

/** The verdict on the hit rates, given both runs are usable. */
function hitRateProblem(draft: number, published: number, tolerance: number): string | undefined {
  if (draft >= published - tolerance - EPSILON) return undefined;
  return `The hit rate drops from ${pct(published)} to ${pct(draft)} (${points(published - draft)}), more than the tolerance of ${points(tolerance)} (llm.yaml calibration.tolerance).`;
}

/**
 * May this draft be published? Compares its newest finished calibration run on the default
 * assignment with the newest finished run of the published config in force on the same anchors.
 */
export function publishCheck(db: Db, store: ConfigStore, ref: DraftRef): PublishCheck {
  const assignmentId = defaultAssignment(db).id;
  const tolerance = store.current.files.llm.calibration.tolerance;
  const { inForce, withDraft } = expectedVersions(db, store, ref);
  const draftRun = newestDraftRun(db, assignmentId, ref, true);
  const baseline = baselineOf(db, assignmentId, inForce, draftRun);
  const reasons = [draftRunProblem(db, assignmentId, ref, draftRun, withDraft), baseline.problem].filter((x): x is string => x !== undefined);
  if (reasons.length === 0) {
    const problem = graderProblem(ref, draftRun!, baseline.run!, store.current.provider.name) ?? hitRateProblem(draftRun!.hitRate!, baseline.run!.hitRate!, tolerance);
    if (problem) reasons.push(problem);
  }
  const difference = draftRun && baseline.run ? differenceOf(draftRun, baseline.run) : undefined;
  return { ref, assignmentId, tolerance, draftRun, baseline: baseline.run, difference, baselineProblem: baseline.problem, allowed: reasons.length === 0, reasons };
}
