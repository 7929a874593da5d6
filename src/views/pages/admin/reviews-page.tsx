import type { ReviewQueueRow } from '../../../db/queries/reviews.ts';
import type { PageContext } from '../../../http/page-context.ts';
import { AdminPage } from '../../layouts/admin-page.tsx';
import { ReviewQueueTable } from '../../partials/admin/review-queue-table.tsx';

/** GET /admin/reviews: results held for review and results students flagged. */
export function ReviewsPage({ ctx, rows }: { ctx: PageContext; rows: ReviewQueueRow[] }) {
  return (
    <AdminPage title="Reviews" ctx={ctx} section="/admin/reviews">
      <h1>Reviews</h1>
      <p>Results of review assignments wait here until released; results a student flagged wait until answered.</p>
      <ReviewQueueTable rows={rows} />
    </AdminPage>
  );
}
