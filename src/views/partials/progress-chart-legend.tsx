import { seriesClass } from '../chart-geometry.ts';

export interface ProgressChartLegendProps {
  /** "Overall", in the page's language. */
  overall: string;
  criteria: { id: string; name: string }[];
}

/** Which line is which: a sample of each series' stroke and its name. */
export function ProgressChartLegend({ overall, criteria }: ProgressChartLegendProps) {
  return (
    <ul class="legend">
      <li>
        <LegendLine cls="overall" /> {overall}
      </li>
      {criteria.map((c, k) => (
        <li>
          <LegendLine cls={seriesClass(k)} /> {c.name}
        </li>
      ))}
    </ul>
  );
}

function LegendLine({ cls }: { cls: string }) {
  return (
    <svg class="chart legend-line" width="28" height="10" viewBox="0 0 28 10" aria-hidden="true" focusable="false">
      <line class={`series ${cls}`} x1="0" x2="28" y1="5" y2="5" />
    </svg>
  );
}
