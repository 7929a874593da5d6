import type { CriterionSpread } from '../../../evaluations/spread.ts';

export interface ReadingsRowProps {
  criterion: CriterionSpread;
  name: string;
  /** Every reading's index, 0..k−1. */
  readings: number[];
  /** The indices of the readings that gave a result, in the order of `criterion.scores`. */
  used: number[];
}

/** One criterion across the readings: each reading's score (– for a failed one), the median used, range and sd. */
export function ReadingsRow({ criterion: c, name, readings, used }: ReadingsRowProps) {
  return (
    <tr>
      <th scope="row">{name}</th>
      {readings.map((i) => {
        const at = used.indexOf(i);
        return <td class="num">{at < 0 ? '–' : c.scores[at]}</td>;
      })}
      <td class="num">
        <strong>{c.median}</strong>
      </td>
      <td class="num">{c.range}</td>
      <td class="num">{c.sd.toFixed(2)}</td>
    </tr>
  );
}
