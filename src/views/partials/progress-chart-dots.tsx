import type { ChartFrame } from '../chart-geometry.ts';
import type { I18n } from '../../i18n/index.ts';
import type { ProgressPoint } from './progress-row.tsx';

export interface ProgressChartDotsProps {
  points: ProgressPoint[];
  frame: ChartFrame;
  i18n: I18n;
}

/** A dot on the overall line per evaluation, with its date and score as a tooltip. */
export function ProgressChartDots({ points, frame: { x, y }, i18n: { t, shortDate } }: ProgressChartDotsProps) {
  return (
    <>
      {points.map((p, i) => (
        <circle class="dot" cx={x(i)} cy={y(p.overall)} r="4">
          <title>{t('chart.point', { date: shortDate(p.createdAt), overall: p.overall.toFixed(1) })}</title>
        </circle>
      ))}
    </>
  );
}
