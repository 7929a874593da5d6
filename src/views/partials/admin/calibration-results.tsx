import type { CalibrationReport } from '../../../calibration/report.ts';
import type { RunSnapshot } from '../../../calibration/snapshot.ts';
import type { StoredReading } from '../../../db/queries/calibration.ts';
import { CalibrationAnchorTable } from './calibration-anchor-table.tsx';
import { CalibrationFailedReadings } from './calibration-failed-readings.tsx';
import { CalibrationHowToRead } from './calibration-how-to-read.tsx';
import { CalibrationStripPlot } from './calibration-strip-plot.tsx';
import { CalibrationTotals } from './calibration-totals.tsx';

export interface CalibrationResultsProps {
  runId: number;
  report: CalibrationReport;
  rubric: RunSnapshot['rubric'];
  failed: StoredReading[];
  readings: number;
}

/** A finished run's figures: totals, the per-anchor table, a strip plot per criterion, the failed readings. */
export function CalibrationResults({ runId, report, rubric, failed, readings }: CalibrationResultsProps) {
  const plotted = [...rubric.criteria.map((c) => ({ key: c.id, name: c.name })), { key: 'overall', name: 'Overall' }];
  return (
    <>
      <h2>Totals</h2>
      <CalibrationTotals totals={report.totals} readings={readings} />
      <CalibrationHowToRead />
      <p>
        <a href={`/admin/calibration/${runId}.csv`} download>
          Download the figures (CSV)
        </a>
      </p>
      <h2>By anchor</h2>
      <CalibrationAnchorTable anchors={report.anchors} criteria={rubric.criteria} />
      <h2>Readings by criterion</h2>
      <p class="hint">Dots are readings, the shaded band is the expected range, the black bar is the median.</p>
      {plotted.map((c) => (
        <CalibrationStripPlot criterion={c} anchors={report.anchors} scale={rubric.scale} />
      ))}
      <h2>Failed readings</h2>
      <CalibrationFailedReadings readings={failed} />
    </>
  );
}
