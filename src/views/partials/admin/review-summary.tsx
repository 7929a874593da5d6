import type { AdminReview } from '../../../evaluations/admin.ts';
import { formatDate } from '../../format.ts';
import { EvaluationResultSummary } from './evaluation-result-summary.tsx';

/** The instructor's review on the admin detail page: the final result once released, else the saved overrides. */
export function ReviewSummary({ review, id }: { review: AdminReview; id: number }) {
  return (
    <section aria-label="Instructor review">
      {review.final ? <EvaluationResultSummary result={review.final} title="Final result (released to the student)" /> : <h2>Instructor review (not released)</h2>}
      <p>
        By {review.reviewerName}
        {review.releasedAt ? `, released ${formatDate(review.releasedAt)}` : ''} · {review.overrides.length} criterion override(s) · <a href={`/admin/reviews/${id}`}>Open the review form</a>
      </p>
      {review.note ? <p class="note-text">Note to the student: {review.note}</p> : null}
    </section>
  );
}
