import type { RunDifference } from '../../../config-versions/publish-gate.ts';
import type { RunTotals } from '../../../db/queries/calibration-gate.ts';
import { formatDate, formatFigure, formatShare, formatSigned } from '../../format.ts';
import { CalibrationComparisonRow } from './calibration-comparison-row.tsx';

export interface CalibrationComparisonTableProps {
  published: RunTotals | undefined;
  draft: RunTotals | undefined;
  difference: RunDifference | undefined;
}

const usd = (n: number) => `$${n.toFixed(4)}`;
const points = (n: number | null | undefined) => (n === null || n === undefined ? '–' : `${formatSigned(n * 100, 1)} points`);
const signed = (n: number | null | undefined) => (n === null || n === undefined ? '–' : formatSigned(n));
const signedUsd = (n: number | null | undefined) => (n === null || n === undefined ? '–' : `${n < 0 ? '-' : '+'}${usd(Math.abs(n))}`);
const runLink = (r: RunTotals | undefined) => (r ? <a href={`/admin/calibration/${r.id}`}>Run #{r.id}</a> : 'none');

/** The totals of the published config's run and the draft's run in one table, with the difference column. */
export function CalibrationComparisonTable({ published: p, draft: d, difference: x }: CalibrationComparisonTableProps) {
  const each = (f: (r: RunTotals) => string) => [p ? f(p) : '–', d ? f(d) : '–'] as const;
  const row = (label: string, values: readonly [string, string], difference: string) => <CalibrationComparisonRow label={label} published={values[0]} draft={values[1]} difference={difference} />;
  return (
    <div class="table-wrap">
      <table class="data-table" aria-label="Calibration totals: the published config and the draft">
        <thead>
          <tr>
            <th scope="col">Total</th>
            <th scope="col">Published config</th>
            <th scope="col">Draft</th>
            <th scope="col">Difference (draft − published)</th>
          </tr>
        </thead>
        <tbody>
          <CalibrationComparisonRow label="Run" published={runLink(p)} draft={runLink(d)} difference="–" />
          {row('Hit rate (checks whose median is inside the expected range: each anchor’s overall and criteria)', each((r) => formatShare(r.hitRate)), points(x?.hitRate))}
          {row('Mean distance outside the range', each((r) => formatFigure(r.meanDistance)), signed(x?.meanDistance))}
          {row('Mean spread between readings', each((r) => formatFigure(r.meanSpread)), signed(x?.meanSpread))}
          {row('Worst spread', each((r) => formatFigure(r.worstSpread)), signed(x?.worstSpread))}
          {row('Cost', each((r) => usd(r.costUsd)), signedUsd(x?.costUsd))}
          {row('Readings per anchor', each((r) => String(r.samples)), '–')}
          {row('Finished', each((r) => (r.finishedAt === null ? '–' : formatDate(r.finishedAt))), '–')}
        </tbody>
      </table>
    </div>
  );
}
