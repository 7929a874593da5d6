import type { AgreementRow as AgreementFigures } from '../../../evaluations/assignment-analytics.ts';
import { formatFigure, formatInt, formatShare, formatSigned } from '../../format.ts';

/** One criterion's (or all criteria pooled) AI–instructor agreement as a table row. */
export function AgreementRow({ row }: { row: AgreementFigures }) {
  return (
    <tr class={row.criterionId === null ? 'total' : undefined}>
      <th scope="row">{row.name}</th>
      <td class="num">{formatInt(row.n)}</td>
      <td class="num">{formatShare(row.exact)}</td>
      <td class="num">{formatShare(row.withinOne)}</td>
      <td class="num">{formatSigned(row.meanDiff)}</td>
      <td class="num">{formatFigure(row.kappa)}</td>
    </tr>
  );
}
