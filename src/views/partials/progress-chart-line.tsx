import type { ChartFrame } from '../chart-geometry.ts';

export interface ProgressChartLineProps {
  /** The series' class: `overall`, or `s1`…`s6` for the criteria. */
  series: string;
  /** One value per point; a missing score breaks the line. */
  values: (number | undefined)[];
  frame: ChartFrame;
}

/** Polyline points for one series; a missing score breaks the line into separate runs. */
function runs(values: (number | undefined)[], { x, y }: ChartFrame): string[] {
  const out: string[] = [];
  let cur: string[] = [];
  values.forEach((v, i) => {
    if (v === undefined) {
      if (cur.length) out.push(cur.join(' '));
      cur = [];
    } else cur.push(`${x(i).toFixed(1)},${y(v).toFixed(1)}`);
  });
  if (cur.length) out.push(cur.join(' '));
  return out;
}

/** One series of the chart (overall or a criterion) as one polyline per unbroken run. */
export function ProgressChartLine({ series, values, frame }: ProgressChartLineProps) {
  return (
    <>
      {runs(values, frame).map((pts) => (
        <polyline class={`series ${series}`} points={pts} />
      ))}
    </>
  );
}
