import type { I18n } from '../../i18n/index.ts';
import { chartFrame, H, seriesClass, W } from '../chart-geometry.ts';
import { ProgressChartAxes } from './progress-chart-axes.tsx';
import { ProgressChartDots } from './progress-chart-dots.tsx';
import { ProgressChartLegend } from './progress-chart-legend.tsx';
import { ProgressChartLine } from './progress-chart-line.tsx';
import type { ProgressPoint } from './progress-row.tsx';
import { ProgressTable } from './progress-table.tsx';

export type { ProgressPoint } from './progress-row.tsx';

export interface ProgressChartProps {
  points: ProgressPoint[];
  criteria: { id: string; name: string }[];
  scale: { min: number; max: number };
}

type ChartProps = ProgressChartProps & { i18n: I18n };

/** Overall and per-criterion scores over time as server-rendered SVG (no JavaScript), with a table as its text alternative. */
export function ProgressChart({ points, criteria, scale, i18n }: ChartProps) {
  const { t, shortDate } = i18n;
  const n = points.length;
  const frame = chartFrame(n, scale);
  const first = points[0]!;
  const last = points[n - 1]!;
  const summary = t(n === 1 ? 'chart.desc.one' : 'chart.desc.other', { first: first.overall.toFixed(1), firstDate: shortDate(first.createdAt), last: last.overall.toFixed(1), lastDate: shortDate(last.createdAt), n });
  // The data table sits after the <figure>: a <figcaption> must be the figure's first or last child.
  return (
    <>
      <figure class="progress-figure">
        <svg class="chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby="chart-title chart-desc">
          <title id="chart-title">{t('chart.title')}</title>
          <desc id="chart-desc">{summary}</desc>
          <ProgressChartAxes scale={scale} dates={points.map((p) => shortDate(p.createdAt))} frame={frame} />
          {criteria.map((c, k) => (
            <ProgressChartLine series={seriesClass(k)} values={points.map((p) => p.scores[c.id])} frame={frame} />
          ))}
          <ProgressChartLine series="overall" values={points.map((p) => p.overall)} frame={frame} />
          <ProgressChartDots points={points} frame={frame} i18n={i18n} />
        </svg>
        <figcaption>
          <ProgressChartLegend overall={t('chart.overall')} criteria={criteria} />
        </figcaption>
      </figure>
      <details>
        <summary>{t('chart.table')}</summary>
        <ProgressTable points={points} criteria={criteria} i18n={i18n} />
      </details>
    </>
  );
}
