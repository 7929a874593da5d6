import type { AdminEvaluationRow } from '../../../db/queries/admin-evaluations.ts';
import { formatDate, isoDate } from '../../format.ts';
import { evaluationsHref } from '../../evaluation-links.ts';
import { durationLabel, memoExcerpt, providerLabel, writerLabel } from '../../evaluation-labels.ts';

/** One evaluation in the admin history table. */
export function EvaluationRow({ row }: { row: AdminEvaluationRow }) {
  return (
    <tr data-id={String(row.id)}>
      <th scope="row">
        <a href={`/admin/evaluations/${row.id}`}>#{row.id}</a>
      </th>
      <td>
        <time datetime={isoDate(row.createdAt)}>{formatDate(row.createdAt)}</time>
      </td>
      <td>
        <a href={evaluationsHref({ writer: row.username ?? row.writerId })} title="Show only this writer">
          {writerLabel(row.username, row.writerId)}
        </a>
      </td>
      <td class={`status-${row.status}`}>
        {row.status}
        {row.status === 'failed' && row.errorKind ? ` (${row.errorKind})` : null}
      </td>
      <td class="num">{row.overall === null ? '–' : `${row.overall.toFixed(1)} · ${row.band ?? ''}`}</td>
      <td class="num">{durationLabel(row.durationMs)}</td>
      <td>{providerLabel(row.provider, row.model)}</td>
      <td class="excerpt">{memoExcerpt(row.memoStart, row.memoChars)}</td>
    </tr>
  );
}
