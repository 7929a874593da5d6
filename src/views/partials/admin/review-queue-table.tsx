import type { ReviewQueueRow as Row } from '../../../db/queries/reviews.ts';
import { ReviewQueueRow } from './review-queue-row.tsx';

/** The review queue, oldest first. */
export function ReviewQueueTable({ rows }: { rows: Row[] }) {
  if (!rows.length) return <p class="lead">Nothing waits for review: no result is held and no student flag is open.</p>;
  return (
    <div class="table-wrap">
      <table class="data-table review-queue">
        <caption>Waiting for review, oldest first</caption>
        <thead>
          <tr>
            <th scope="col">Evaluation</th>
            <th scope="col">Assignment</th>
            <th scope="col">Writer</th>
            <th scope="col">Submitted</th>
            <th scope="col" class="num">AI overall</th>
            <th scope="col">Release</th>
            <th scope="col">Flag</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <ReviewQueueRow row={r} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
