import type { AnchorReport } from '../../../calibration/report.ts';
import { CalibrationAnchorRow } from './calibration-anchor-row.tsx';

/** Anchors by criterion: the medians against the expected ranges (the strip plots' text alternative). */
export function CalibrationAnchorTable({ anchors, criteria }: { anchors: AnchorReport[]; criteria: { id: string; name: string }[] }) {
  return (
    <div class="table-scroll">
      <table class="data-table" id="calibration-anchors">
        <caption>Median of the readings per anchor and criterion, against the expected range</caption>
        <thead>
          <tr>
            <th scope="col">Anchor</th>
            {criteria.map((c) => (
              <th scope="col">{c.name}</th>
            ))}
            <th scope="col">Overall</th>
          </tr>
        </thead>
        <tbody>
          {anchors.map((a) => (
            <CalibrationAnchorRow anchor={a} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
