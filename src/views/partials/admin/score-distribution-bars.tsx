import type { DistributionRow } from '../../../evaluations/assignment-analytics.ts';

/** The small bar chart's canvas in SVG units. */
const W = 240;
const H = 150;
const PAD = { left: 8, right: 8, top: 18, bottom: 22 };

export interface ScoreDistributionBarsProps {
  row: DistributionRow;
  /** The scale's lowest level (bar i is level min + i). */
  min: number;
}

/** One criterion's score distribution as SVG bars, one per level, each labelled with its count; named for screen readers. */
export function ScoreDistributionBars({ row, min }: ScoreDistributionBarsProps) {
  const k = row.counts.length;
  const tallest = Math.max(1, ...row.counts);
  const slot = (W - PAD.left - PAD.right) / k;
  const inner = H - PAD.top - PAD.bottom;
  const titleId = `distribution-${row.id}-title`;
  const descId = `distribution-${row.id}-desc`;
  const described = row.counts.map((n, i) => `level ${min + i}: ${n}`).join(', ');
  return (
    <svg class="chart distribution" viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={`${titleId} ${descId}`}>
      <title id={titleId}>{`Score distribution: ${row.name}`}</title>
      <desc id={descId}>{`Results per level, ${described}.`}</desc>
      <line class="axis" x1={PAD.left} x2={W - PAD.right} y1={H - PAD.bottom} y2={H - PAD.bottom} />
      {row.counts.map((n, i) => {
        const h = (n / tallest) * inner;
        const x = PAD.left + i * slot;
        const mid = (x + slot / 2).toFixed(1);
        return (
          <>
            <rect class="bar" x={(x + slot * 0.15).toFixed(1)} y={(H - PAD.bottom - h).toFixed(1)} width={(slot * 0.7).toFixed(1)} height={h.toFixed(1)} />
            <text x={mid} y={(H - PAD.bottom - h - 4).toFixed(1)} text-anchor="middle">
              {n}
            </text>
            <text x={mid} y={H - 6} text-anchor="middle">
              {min + i}
            </text>
          </>
        );
      })}
    </svg>
  );
}
