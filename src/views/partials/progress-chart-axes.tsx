import { H, PAD, W, type ChartFrame } from '../chart-geometry.ts';

export interface ProgressChartAxesProps {
  scale: { min: number; max: number };
  /** Each point's date as shown (about six of them are labelled, always the last). */
  dates: string[];
  frame: ChartFrame;
}

/** A grid line and label per score level, the y axis, and date labels along the bottom. */
export function ProgressChartAxes({ scale, dates, frame: { x, y } }: ProgressChartAxesProps) {
  const n = dates.length;
  const levels = Array.from({ length: scale.max - scale.min + 1 }, (_, i) => scale.min + i);
  const labelEvery = Math.max(1, Math.ceil(n / 6));
  return (
    <>
      {levels.map((l) => (
        <>
          <line class="grid" x1={PAD.left} x2={W - PAD.right} y1={y(l)} y2={y(l)} />
          <text x={PAD.left - 8} y={y(l) + 4} text-anchor="end">
            {l}
          </text>
        </>
      ))}
      <line class="axis" x1={PAD.left} x2={PAD.left} y1={PAD.top} y2={H - PAD.bottom} />
      {dates.map((date, i) =>
        i % labelEvery === 0 || i === n - 1 ? (
          <text x={x(i)} y={H - PAD.bottom + 18} text-anchor={n > 1 && i === 0 ? 'start' : n > 1 && i === n - 1 ? 'end' : 'middle'}>
            {date}
          </text>
        ) : null,
      )}
    </>
  );
}
