import type { AnchorReport } from '../../../calibration/report.ts';
import { formatFigure } from '../../format.ts';

const W = 560;
const LEFT = 150;
const ROW = 28;
const TOP = 22;

export interface StripPlotProps {
  criterion: { key: string; name: string };
  anchors: AnchorReport[];
  scale: { min: number; max: number };
}

/** One criterion: a row per anchor, a dot per reading, the expected range as a band, the median as a bar. */
export function CalibrationStripPlot({ criterion, anchors, scale }: StripPlotProps) {
  const x = (s: number) => LEFT + ((s - scale.min) / Math.max(1, scale.max - scale.min)) * (W - LEFT - 20);
  const h = TOP + anchors.length * ROW + 8;
  const ticks = Array.from({ length: scale.max - scale.min + 1 }, (_, i) => scale.min + i);
  const label = `${criterion.name}: readings per anchor on the ${scale.min}–${scale.max} scale, with the expected range and the median. The table above gives the same figures.`;
  return (
    <figure class="strip-plot">
      <svg viewBox={`0 0 ${W} ${h}`} role="img" aria-label={label} width="100%">
        <title>{label}</title>
        {ticks.map((t) => (
          <g>
            <line x1={x(t)} x2={x(t)} y1={TOP - 4} y2={h - 8} stroke="#ccc" />
            <text x={x(t)} y={TOP - 8} text-anchor="middle" font-size="11">{t}</text>
          </g>
        ))}
        {anchors.map((a, i) => {
          const c = a.checks.find((k) => k.key === criterion.key)!;
          const y = TOP + i * ROW + ROW / 2;
          return (
            <g>
              <text x={LEFT - 8} y={y + 4} text-anchor="end" font-size="12">{a.id}</text>
              {c.expected ? <rect x={x(c.expected[0]) - 4} y={y - 9} width={x(c.expected[1]) - x(c.expected[0]) + 8} height={18} fill="#cfe8d5" stroke="#2f7d43" stroke-dasharray="3 2" /> : null}
              {c.scores.map((s, j) => <circle cx={x(s)} cy={y - 4 + (j % 3) * 4} r={3.5} fill="#1f4e99" fill-opacity="0.7" />)}
              {c.median !== null ? <line x1={x(c.median)} x2={x(c.median)} y1={y - 11} y2={y + 11} stroke="#000" stroke-width="2.5"><title>median {formatFigure(c.median)}</title></line> : null}
            </g>
          );
        })}
      </svg>
      <figcaption>{criterion.name}</figcaption>
    </figure>
  );
}
