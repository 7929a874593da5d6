import type { EvaluationResult } from '../../../llm/evaluate.ts';
import { CriterionScoreRow } from './criterion-score-row.tsx';

/** A stored result's score per criterion, with the weights. */
export function CriterionScoresTable({ result }: { result: EvaluationResult }) {
  return (
    <div class="table-wrap">
      <table class="data-table">
        <caption>Scores by criterion</caption>
        <thead>
          <tr>
            <th scope="col">Criterion</th>
            <th scope="col" class="num">Weight</th>
            <th scope="col" class="num">Score</th>
          </tr>
        </thead>
        <tbody>
          {result.criteria.map((c) => (
            <CriterionScoreRow criterion={c} max={result.scale.max} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
