import type { EvaluationResult } from '../../../llm/evaluate.ts';
import { CriterionScoresTable } from './criterion-scores-table.tsx';

/** The stored result: overall score, band and a score per criterion. */
export function EvaluationResultSummary({ result }: { result: EvaluationResult }) {
  return (
    <>
      <h2>Result</h2>
      <p class="overall-line">
        Overall <strong>{result.overall.toFixed(1)}</strong> · {result.band} ({result.rubricName})
      </p>
      <CriterionScoresTable result={result} />
    </>
  );
}
