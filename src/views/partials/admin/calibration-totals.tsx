import type { ReportTotals } from '../../../calibration/report.ts';
import { formatFigure, formatShare } from '../../format.ts';
import { FactsList } from './facts-list.tsx';

/** The run's headline figures. */
export function CalibrationTotals({ totals, readings }: { totals: ReportTotals; readings: number }) {
  const worst = totals.worstSpread ? `${formatFigure(totals.worstSpread.range)} (${totals.worstSpread.anchorId}, ${totals.worstSpread.criterion})` : '–';
  return (
    <FactsList
      items={[
        ['Hit rate', `${formatShare(totals.hitRate)} (${totals.hits} of ${totals.checks} checks)`],
        ['Mean distance outside range', formatFigure(totals.meanDistance)],
        ['Mean spread', formatFigure(totals.meanSpread)],
        ['Worst spread', worst],
        ['Readings failed', `${totals.readingsFailed} of ${readings}`],
        ['Cost', `$${totals.costUsd.toFixed(4)}`],
      ]}
    />
  );
}
