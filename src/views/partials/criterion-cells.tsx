export interface CriterionCellsProps {
  criteria: { id: string; name: string }[];
  /** Criterion id → score; a criterion without one shows "–". */
  scores: Record<string, number>;
}

/** A row's score per rubric criterion, under the CriterionHeaders columns. */
export function CriterionCells({ criteria, scores }: CriterionCellsProps) {
  return (
    <>
      {criteria.map((c) => (
        <td class="num">{scores[c.id] ?? '–'}</td>
      ))}
    </>
  );
}
