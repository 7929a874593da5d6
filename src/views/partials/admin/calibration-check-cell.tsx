import type { CheckFigures } from '../../../calibration/report.ts';
import { formatFigure } from '../../format.ts';

/** One anchor's criterion (or overall): median, expected range, a worded in/out marker, spread. */
export function CalibrationCheckCell({ check }: { check: CheckFigures }) {
  const { expected, inRange, spread } = check;
  const marker = inRange === null ? null : inRange ? '✓ in range' : check.distance === null ? '✗ no reading' : `✗ out by ${formatFigure(check.distance)}`;
  return (
    <td class={inRange === false ? 'cal-miss' : inRange ? 'cal-hit' : undefined}>
      <strong>{formatFigure(check.median)}</strong>
      {expected ? <span class="hint"> expected {expected[0]}–{expected[1]}</span> : <span class="hint"> no range</span>}
      {marker ? <div>{marker}</div> : null}
      {spread ? (
        <div class="hint">
          spread {formatFigure(spread.range)} (sd {formatFigure(spread.sd)})
        </div>
      ) : null}
    </td>
  );
}
