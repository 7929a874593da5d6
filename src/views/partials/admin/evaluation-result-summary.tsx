import type { EvaluationResult } from '../../../llm/evaluate.ts';
import { CriterionScoresTable } from './criterion-scores-table.tsx';

/** A result (the AI's stored one, or a released final one): overall score, band and a score per criterion. */
export function EvaluationResultSummary({ result, title = 'Result' }: { result: EvaluationResult; title?: string }) {
  return (
    <>
      <h2>{title}</h2>
      <p class="overall-line">
        Overall <strong>{result.overall.toFixed(1)}</strong> · {result.band} ({result.rubricName})
      </p>
      <CriterionScoresTable result={result} />
    </>
  );
}
