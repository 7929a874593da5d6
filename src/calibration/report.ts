import { median, spreadOf, type Spread } from '../llm/consistency.ts';
import type { RubricShape, SnapshotAnchor } from './snapshot.ts';

/** The key of the overall score among an anchor's checks. */
export const OVERALL = 'overall';

/** A reading as the report needs it: its anchor, and its scores (null when it failed). */
export interface ReportReading {
  anchorId: string;
  scores: Record<string, number> | null;
  overall: number | null;
  costUsd: number;
}

/** One criterion (or the overall) of one anchor across the run's readings. */
export interface CheckFigures {
  /** Criterion id, or OVERALL. */
  key: string;
  name: string;
  /** The anchor's expected [min, max]; null when it sets none for this criterion (not a check). */
  expected: [number, number] | null;
  scores: number[];
  median: number | null;
  /** null: not a check (no expected range) or no reading to judge. */
  inRange: boolean | null;
  /** 0 inside the range, else the gap to the nearest bound; null without a median or range. */
  distance: number | null;
  spread: Spread | null;
}

export interface AnchorReport {
  id: string;
  title: string;
  tags: string[];
  version: number;
  readingsOk: number;
  readingsFailed: number;
  /** The rubric's criteria in order, then the overall. */
  checks: CheckFigures[];
}

export interface ReportTotals {
  checks: number;
  hits: number;
  /** hits / checks; null when there is nothing to check. */
  hitRate: number | null;
  meanDistance: number;
  /** Mean criterion range over all (anchor, criterion) pairs with readings; null when none. */
  meanSpread: number | null;
  worstSpread: { range: number; anchorId: string; criterion: string } | null;
  costUsd: number;
  readingsFailed: number;
}

export interface CalibrationReport {
  anchors: AnchorReport[];
  totals: ReportTotals;
}

/** Gap between a value and a range: 0 inside, else the distance to the nearest bound. */
export function distanceOutside(x: number, [lo, hi]: readonly [number, number]): number {
  return x < lo ? lo - x : x > hi ? x - hi : 0;
}

function figures(key: string, name: string, expected: [number, number] | null, scores: number[]): CheckFigures {
  if (scores.length === 0) return { key, name, expected, scores, median: null, inRange: expected ? false : null, distance: null, spread: null };
  const m = median(scores);
  const distance = expected ? distanceOutside(m, expected) : null;
  return { key, name, expected, scores, median: m, inRange: distance === null ? null : distance === 0, distance, spread: spreadOf(scores) };
}

/** One anchor's figures from its readings (only successful readings carry scores). */
export function anchorReport(anchor: SnapshotAnchor, readings: readonly ReportReading[], rubric: RubricShape): AnchorReport {
  const ok = readings.filter((r) => r.scores !== null && r.overall !== null);
  const checks = rubric.criteria.map((c) =>
    figures(c.id, c.name, anchor.expected.criteria[c.id] ?? null, ok.map((r) => r.scores![c.id]).filter((s): s is number => typeof s === 'number')),
  );
  checks.push(figures(OVERALL, 'Overall', anchor.expected.overall, ok.map((r) => r.overall!)));
  return { id: anchor.id, title: anchor.title, tags: anchor.tags, version: anchor.version, readingsOk: ok.length, readingsFailed: readings.length - ok.length, checks };
}

/** The totals over every anchor (definitions: docs/decisions/017-calibration-runs.md). */
export function reportTotals(anchors: readonly AnchorReport[], readings: readonly ReportReading[]): ReportTotals {
  const checked = anchors.flatMap((a) => a.checks.filter((c) => c.expected !== null));
  const hits = checked.filter((c) => c.inRange === true).length;
  const gaps = checked.filter((c) => c.inRange !== true && c.distance !== null).map((c) => c.distance!);
  const pairs = anchors.flatMap((a) => a.checks.filter((c) => c.key !== OVERALL && c.spread !== null).map((c) => ({ anchorId: a.id, criterion: c.key, range: c.spread!.range })));
  const worst = pairs.reduce<(typeof pairs)[number] | null>((w, p) => (w === null || p.range > w.range ? p : w), null);
  return {
    checks: checked.length,
    hits,
    hitRate: checked.length ? hits / checked.length : null,
    meanDistance: gaps.length ? gaps.reduce((s, x) => s + x, 0) / gaps.length : 0,
    meanSpread: pairs.length ? pairs.reduce((s, p) => s + p.range, 0) / pairs.length : null,
    worstSpread: worst,
    costUsd: readings.reduce((s, r) => s + r.costUsd, 0),
    readingsFailed: readings.filter((r) => r.scores === null || r.overall === null).length,
  };
}

/** The whole report of a run: a pure function of what it measured and what its readings said. */
export function calibrationReport(anchors: readonly SnapshotAnchor[], readings: readonly ReportReading[], rubric: RubricShape): CalibrationReport {
  const reports = anchors.map((a) => anchorReport(a, readings.filter((r) => r.anchorId === a.id), rubric));
  return { anchors: reports, totals: reportTotals(reports, readings) };
}
