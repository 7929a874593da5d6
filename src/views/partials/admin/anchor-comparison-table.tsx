import type { AnchorComparisonRow as Row } from '../../../calibration/anchor-comparison.ts';
import { AnchorComparisonRow } from './anchor-comparison-row.tsx';

/** Per anchor, the published run's overall median and checks hit beside the draft run's. */
export function AnchorComparisonTable({ rows }: { rows: Row[] }) {
  if (rows.length === 0) return null;
  return (
    <table class="data">
      <caption>Per anchor: overall median (✓ in, ✗ out of its expected range) and checks hit</caption>
      <thead>
        <tr>
          <th scope="col">Anchor</th>
          <th scope="col">Published config</th>
          <th scope="col">This draft</th>
          <th scope="col">Checks hit, change</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <AnchorComparisonRow row={r} />
        ))}
      </tbody>
    </table>
  );
}
