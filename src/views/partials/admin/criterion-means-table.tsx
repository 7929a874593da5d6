import type { MeanRow } from '../../../evaluations/assignment-analytics.ts';
import { formatFigure, formatInt, formatSigned } from '../../format.ts';

export interface CriterionMeansTableProps {
  /** The table's id attribute (tests and in-page links find it by this). */
  id: string;
  caption: string;
  countLabel: string;
  meanLabel: string;
  /** The overall row first, then one per criterion. */
  rows: MeanRow[];
  /** Show means as signed changes ("+0.50"). */
  signed?: boolean;
}

/** A mean per criterion and how many values it is over: the class averages, and growth across revisions. */
export function CriterionMeansTable(p: CriterionMeansTableProps) {
  return (
    <div class="table-wrap">
      <table class="data-table" id={p.id}>
        <caption>{p.caption}</caption>
        <thead>
          <tr>
            <th scope="col">Criterion</th>
            <th scope="col" class="num">{p.countLabel}</th>
            <th scope="col" class="num">{p.meanLabel}</th>
          </tr>
        </thead>
        <tbody>
          {p.rows.map((r) => (
            <tr>
              <th scope="row">{r.name}</th>
              <td class="num">{formatInt(r.n)}</td>
              <td class="num">{p.signed ? formatSigned(r.mean) : formatFigure(r.mean)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
