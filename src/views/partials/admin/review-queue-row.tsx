import type { ReviewQueueRow as Row } from '../../../db/queries/reviews.ts';
import { writerLabel } from '../../evaluation-labels.ts';
import { formatDate, isoDate } from '../../format.ts';

/** One evaluation waiting for an instructor: why (release or flag), whose, when, and the AI's overall. */
export function ReviewQueueRow({ row }: { row: Row }) {
  return (
    <tr data-id={String(row.id)}>
      <th scope="row">
        <a href={`/admin/reviews/${row.id}`}>Review #{row.id}</a>
      </th>
      <td>{row.assignmentTitle ?? '–'}</td>
      <td>{writerLabel(row.username, row.writerId)}</td>
      <td>
        <time datetime={isoDate(row.createdAt)}>{formatDate(row.createdAt)}</time>
      </td>
      <td class="num">{row.overall === null ? '–' : row.overall.toFixed(1)}</td>
      <td>{row.release === 'pending' ? 'awaiting release' : row.release}</td>
      <td class="excerpt">{row.flagReason ?? ''}</td>
    </tr>
  );
}
