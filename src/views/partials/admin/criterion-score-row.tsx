import type { EvaluationResult } from '../../../llm/evaluate.ts';

export interface CriterionScoreRowProps {
  criterion: EvaluationResult['criteria'][number];
  /** The scale's top score. */
  max: number;
}

/** One criterion: its name and id, weight, and score out of the scale's maximum. */
export function CriterionScoreRow({ criterion: c, max }: CriterionScoreRowProps) {
  return (
    <tr>
      <th scope="row">
        {c.name} <code>{c.id}</code>
      </th>
      <td class="num">{c.weight}</td>
      <td class="num">
        {c.score} / {max}
        {c.instructorComment !== undefined ? <span class="tag">instructor</span> : null}
        {c.instructorComment ? <span class="hint"> {c.instructorComment}</span> : null}
      </td>
    </tr>
  );
}
