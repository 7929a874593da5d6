import type { CalibrationRunListRow } from '../../../db/queries/calibration.ts';
import { formatDate, formatFigure, formatShare } from '../../format.ts';

/** One run in the list: what it measured, how far it got, and its headline figures. */
export function CalibrationRunRow({ run, config }: { run: CalibrationRunListRow; config: string }) {
  const progress = run.status === 'done' || run.status === 'failed' ? run.status : `${run.status} (${run.readingsDone} of ${run.readingsTotal})`;
  return (
    <tr>
      <td>
        <a href={`/admin/calibration/${run.id}`}>#{run.id}</a>
      </td>
      <td>{run.assignmentTitle}</td>
      <td>{config}</td>
      <td class="num">{run.samples}</td>
      <td>{progress}</td>
      <td class="num">{formatShare(run.hitRate)}</td>
      <td class="num">{formatFigure(run.meanSpread)}</td>
      <td class="num">${run.costUsd.toFixed(4)}</td>
      <td>
        {run.startedByName}, {formatDate(run.createdAt)}
      </td>
    </tr>
  );
}
