import type { Child } from 'hono/jsx';

export interface CalibrationComparisonRowProps {
  /** What the row measures, e.g. "Hit rate (scores inside the expected range)". */
  label: string;
  published: Child;
  draft: Child;
  /** Draft minus published, already worded ("+5.0 points"), or "–". */
  difference: string;
}

/** One total of the two calibration runs side by side, with the draft's difference. */
export function CalibrationComparisonRow(p: CalibrationComparisonRowProps) {
  return (
    <tr>
      <th scope="row">{p.label}</th>
      <td class="num">{p.published}</td>
      <td class="num">{p.draft}</td>
      <td class="num">{p.difference}</td>
    </tr>
  );
}
