import type { I18n } from '../../i18n/index.ts';
import { CriterionCells } from './criterion-cells.tsx';

/** One finished evaluation on the progress chart. */
export interface ProgressPoint {
  evaluationId: number;
  createdAt: number;
  overall: number;
  /** Criterion id → score. */
  scores: Record<string, number>;
}

export interface ProgressRowProps {
  point: ProgressPoint;
  criteria: { id: string; name: string }[];
  i18n: I18n;
}

/** One point of the chart as a table row: its date (a link to the evaluation), overall, each criterion. */
export function ProgressRow({ point: p, criteria, i18n }: ProgressRowProps) {
  return (
    <tr>
      <th scope="row">
        <a href={`/evaluations/${p.evaluationId}`}>{i18n.shortDate(p.createdAt)}</a>
      </th>
      <td class="num">{p.overall.toFixed(1)}</td>
      <CriterionCells criteria={criteria} scores={p.scores} />
    </tr>
  );
}
