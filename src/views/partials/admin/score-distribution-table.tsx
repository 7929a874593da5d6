import type { DistributionRow } from '../../../evaluations/assignment-analytics.ts';
import { formatInt } from '../../format.ts';

export interface ScoreDistributionTableProps {
  rows: DistributionRow[];
  scale: { min: number; max: number };
}

/** The distribution charts' text alternative: results per level (columns) for each criterion (rows). */
export function ScoreDistributionTable({ rows, scale }: ScoreDistributionTableProps) {
  const levels = Array.from({ length: scale.max - scale.min + 1 }, (_, i) => scale.min + i);
  return (
    <div class="table-wrap">
      <table class="data-table" id="distribution-table">
        <caption>Results per score level and criterion</caption>
        <thead>
          <tr>
            <th scope="col">Criterion</th>
            {levels.map((l) => (
              <th scope="col" class="num">{`Level ${l}`}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr>
              <th scope="row">{r.name}</th>
              {r.counts.map((n) => (
                <td class="num">{formatInt(n)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
