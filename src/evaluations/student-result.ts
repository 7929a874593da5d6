import type { ReleaseRow } from '../db/queries/reviews.ts';
import { readPartial, type PartialCriteria } from './partial.ts';
import { criterionScores, readResult, type EvaluationResult } from './result.ts';
import { largestRange, readSpread } from './spread.ts';

// The one definition of what a student sees of a result (decision 013). Every student-facing
// reader (result page and JSON, history rows and JSON, progress chart, revision comparison) goes
// through here; nothing else reads evaluations.overall/band/result_json for a student.

export type { ReleaseRow } from '../db/queries/reviews.ts';

/** How the release state is named to students and in their JSON. */
export type StudentRelease = 'immediate' | 'pending_review' | 'released';

/** The scores a student may see: the AI's (immediate), the final ones (released) or none (pending review). */
export interface StudentShown {
  release: StudentRelease;
  reviewed: boolean;
  overall: number | null;
  band: string | null;
  resultJson: string | null;
}

/** What of a row reaches its writer; a released row without a final result shows nothing rather than the AI's. */
export function studentShown(r: ReleaseRow): StudentShown {
  if (r.release === 'immediate') return { release: 'immediate', reviewed: false, overall: r.overall, band: r.band, resultJson: r.resultJson };
  if (r.release === 'released' && r.finalJson !== null) return { release: 'released', reviewed: true, overall: r.finalOverall, band: r.finalBand, resultJson: r.finalJson };
  return { release: 'pending_review', reviewed: false, overall: null, band: null, resultJson: null };
}

/** The result the writer sees, read and checked; undefined while it waits for review (or before it is done). Throws CorruptResultError. */
export function studentResult(r: ReleaseRow): { release: StudentRelease; reviewed: boolean; result: EvaluationResult | undefined } {
  const shown = studentShown(r);
  return { release: shown.release, reviewed: shown.reviewed, result: shown.resultJson ? readResult(shown.resultJson) : undefined };
}

/**
 * The criteria a running evaluation has streamed, for its writer: only when results show at once.
 * Held for review means nothing before release, partial criteria included.
 */
export function studentPartial(r: ReleaseRow & { partialJson: string | null }): PartialCriteria | undefined {
  return r.release === 'immediate' ? readPartial(r.partialJson) : undefined;
}

/** The readings behind a result (llm.yaml samples, decision 019): how many were combined, and the note when they varied. */
export interface StudentReadings {
  /** How many readings the AI's scores are the median of (1: a single reading). */
  readings: number;
  /** The largest range of any criterion, when it reaches llm.yaml spread_note_threshold and the scores shown are the AI's. */
  variedBy: number | undefined;
}

/**
 * What a student is told about the readings: their count, and how far they varied only when the
 * scores shown are the AI's own (shown at once, or released by an instructor who changed no score)
 * and the largest range reaches `threshold`.
 */
export function studentReadings(r: ReleaseRow & { samples: number; spreadJson: string | null }, threshold: number): StudentReadings {
  const spread = r.samples > 1 ? readSpread(r.spreadJson) : undefined;
  if (!spread) return { readings: 1, variedBy: undefined };
  const range = largestRange(spread);
  return { readings: spread.used.length, variedBy: range >= threshold && showsAiScores(r) ? range : undefined };
}

/** True when the scores a student sees are the AI's: its result shown at once, or a released final with every score unchanged. */
function showsAiScores(r: ReleaseRow): boolean {
  const shown = studentShown(r);
  if (shown.release === 'immediate') return true;
  if (shown.release !== 'released' || !shown.resultJson || !r.resultJson) return false;
  const ai = criterionScores(readResult(r.resultJson));
  return readResult(shown.resultJson).criteria.every((c) => ai[c.id] === c.score);
}
