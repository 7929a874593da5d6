import type { DistributionRow } from '../../../evaluations/assignment-analytics.ts';
import { ScoreDistributionBars } from './score-distribution-bars.tsx';
import { ScoreDistributionTable } from './score-distribution-table.tsx';

export interface ScoreDistributionChartProps {
  rows: DistributionRow[];
  scale: { min: number; max: number };
}

/** A server-rendered bar chart per criterion (no JavaScript, no inline styles), with the same figures as a table beside it. */
export function ScoreDistributionChart({ rows, scale }: ScoreDistributionChartProps) {
  return (
    <>
      <div class="distribution-charts">
        {rows.map((row) => (
          <figure class="distribution-figure">
            <ScoreDistributionBars row={row} min={scale.min} />
            <figcaption>{row.name}</figcaption>
          </figure>
        ))}
      </div>
      <ScoreDistributionTable rows={rows} scale={scale} />
    </>
  );
}
