import type { CalibrationRunListRow } from '../../../db/queries/calibration.ts';
import { CalibrationRunRow } from './calibration-run-row.tsx';

/** The calibration runs, newest first; `configs` holds each run's config label by id. */
export function CalibrationRunsTable({ runs, configs }: { runs: CalibrationRunListRow[]; configs: Record<number, string> }) {
  return (
    <table class="data-table">
      <caption class="visually-hidden">Calibration runs</caption>
      <thead>
        <tr>
          <th scope="col">Run</th>
          <th scope="col">Assignment</th>
          <th scope="col">Config</th>
          <th scope="col">Readings per anchor</th>
          <th scope="col">Status</th>
          <th scope="col">Hit rate</th>
          <th scope="col">Mean spread</th>
          <th scope="col">Cost</th>
          <th scope="col">Started</th>
        </tr>
      </thead>
      <tbody>
        {runs.map((r) => (
          <CalibrationRunRow run={r} config={configs[r.id] ?? ''} />
        ))}
      </tbody>
    </table>
  );
}
