import type { Db } from '../db/client.ts';
import { findCalibrationRun, listCalibrationReadings } from '../db/queries/calibration.ts';
import { calibrationReport, OVERALL, type AnchorReport } from './report.ts';
import { readRunSnapshot } from './snapshot.ts';

/** One side of an anchor's comparison: its overall median, whether that is in range, and its checks hit. */
export interface AnchorSide {
  overall: number | null;
  overallInRange: boolean | null;
  hits: number;
  checks: number;
}

/** One anchor in the published run and the draft run (a side is undefined when that run didn't read it). */
export interface AnchorComparisonRow {
  id: string;
  title: string;
  tags: string[];
  published: AnchorSide | undefined;
  draft: AnchorSide | undefined;
}

function sideOf(a: AnchorReport): AnchorSide {
  const checks = a.checks.filter((c) => c.expected !== null);
  const overall = a.checks.find((c) => c.key === OVERALL);
  return { overall: overall?.median ?? null, overallInRange: overall?.inRange ?? null, hits: checks.filter((c) => c.inRange === true).length, checks: checks.length };
}

/** The anchors of a finished run as its report reads them; undefined when the run or its snapshot is unreadable. */
function anchorsOfRun(db: Db, runId: number): AnchorReport[] | undefined {
  const run = findCalibrationRun(db, runId);
  const snapshot = run && readRunSnapshot(run.anchorsJson);
  return snapshot && calibrationReport(snapshot.anchors, listCalibrationReadings(db, runId), snapshot.rubric).anchors;
}

/** Per anchor, the published run beside the draft run (the published run's order, then anchors only the draft read). */
export function anchorComparison(db: Db, publishedRunId: number, draftRunId: number): AnchorComparisonRow[] {
  const published = anchorsOfRun(db, publishedRunId) ?? [];
  const draft = new Map((anchorsOfRun(db, draftRunId) ?? []).map((a) => [a.id, a]));
  const rows = published.map((p): AnchorComparisonRow => {
    const d = draft.get(p.id);
    draft.delete(p.id);
    return { id: p.id, title: p.title, tags: p.tags, published: sideOf(p), draft: d && sideOf(d) };
  });
  return [...rows, ...[...draft.values()].map((d) => ({ id: d.id, title: d.title, tags: d.tags, published: undefined, draft: sideOf(d) }))];
}
