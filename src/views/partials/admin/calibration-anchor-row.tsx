import type { AnchorReport } from '../../../calibration/report.ts';
import { CalibrationCheckCell } from './calibration-check-cell.tsx';

/** One anchor: its name and tags, then a cell per criterion and the overall. */
export function CalibrationAnchorRow({ anchor }: { anchor: AnchorReport }) {
  return (
    <tr>
      <th scope="row">
        {anchor.title}
        <div class="hint">
          {anchor.id} v{anchor.version}
          {anchor.tags.length ? ` · ${anchor.tags.join(', ')}` : ''} · {anchor.readingsOk} reading{anchor.readingsOk === 1 ? '' : 's'}
          {anchor.readingsFailed ? `, ${anchor.readingsFailed} failed` : ''}
        </div>
      </th>
      {anchor.checks.map((c) => (
        <CalibrationCheckCell check={c} />
      ))}
    </tr>
  );
}
