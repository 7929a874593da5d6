/** A numeric column header per rubric criterion, in rubric order (the history and progress tables). */
export function CriterionHeaders({ criteria }: { criteria: { id: string; name: string }[] }) {
  return (
    <>
      {criteria.map((c) => (
        <th scope="col" class="num">
          {c.name}
        </th>
      ))}
    </>
  );
}
