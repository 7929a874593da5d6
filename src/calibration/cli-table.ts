import { formatFigure, formatShare } from '../views/format.ts';
import type { CalibrationReport } from './report.ts';

/** One cell: the median and ✓/✗ against the expected range ("–" without readings, no mark without a range). */
function cell(c: CalibrationReport['anchors'][number]['checks'][number]): string {
  const mark = c.inRange === null ? '' : c.inRange ? ' ✓' : ' ✗';
  return `${c.median === null ? '–' : formatFigure(c.median, 1)}${mark}`;
}

/** The report as plain text: one row per anchor, a column per criterion and the overall, then the totals. */
export function reportText(report: CalibrationReport, readings: number): string {
  const keys = report.anchors[0]?.checks.map((c) => c.key) ?? [];
  const header = ['anchor', ...keys];
  const body = report.anchors.map((a) => [a.id, ...a.checks.map(cell)]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((x, i) => (i === 0 ? x.padEnd(widths[i]!) : x.padStart(widths[i]!))).join('  ');
  const t = report.totals;
  const worst = t.worstSpread ? `${formatFigure(t.worstSpread.range)} (${t.worstSpread.anchorId}, ${t.worstSpread.criterion})` : '–';
  return [
    line(header),
    ...body.map(line),
    '',
    '✓ median inside the anchor’s expected range, ✗ outside; no mark: the anchor sets no range there.',
    `Hit rate:                    ${formatShare(t.hitRate)} (${t.hits} of ${t.checks} checks)`,
    `Mean distance outside range: ${formatFigure(t.meanDistance)}`,
    `Mean spread:                 ${formatFigure(t.meanSpread)}`,
    `Worst spread:                ${worst}`,
    `Readings failed:             ${t.readingsFailed} of ${readings}`,
    `Cost:                        $${t.costUsd.toFixed(4)}`,
  ].join('\n');
}
