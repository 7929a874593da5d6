import type { EvaluationOrder, EvaluationSort } from '../../../db/queries/admin-evaluations.ts';
import { evaluationsHref } from '../../evaluation-links.ts';
import type { FilterValues } from '../../../evaluations/filters.ts';

export interface EvaluationsHeadProps {
  values: FilterValues;
  order: EvaluationOrder;
}

/** Column headers; date, score and duration sort by plain links that keep the filters (again = reverse). */
export function EvaluationsHead({ values, order }: EvaluationsHeadProps) {
  const sortable = (sort: EvaluationSort, label: string, num = false) => {
    const current = order.sort === sort;
    const dir = current && order.dir === 'desc' ? 'asc' : 'desc';
    return (
      <th scope="col" class={num ? 'num' : undefined} aria-sort={current ? (order.dir === 'asc' ? 'ascending' : 'descending') : undefined}>
        <a href={evaluationsHref(values, { sort, dir })}>
          {label}
          {current ? <span aria-hidden="true">{order.dir === 'asc' ? ' ▲' : ' ▼'}</span> : null}
          <span class="visually-hidden">{current ? `, sorted ${order.dir === 'asc' ? 'ascending' : 'descending'}; reverse` : ', sort'}</span>
        </a>
      </th>
    );
  };
  return (
    <thead id="evaluations-thead">
      <tr>
        <th scope="col">ID</th>
        {sortable('date', 'Created (UTC)')}
        <th scope="col">Writer</th>
        <th scope="col">Status</th>
        {sortable('score', 'Score', true)}
        {sortable('duration', 'Duration', true)}
        <th scope="col">Provider / model</th>
        <th scope="col">Memo</th>
      </tr>
    </thead>
  );
}
