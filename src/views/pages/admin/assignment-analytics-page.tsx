import type { AssignmentAnalytics } from '../../../evaluations/assignment-analytics.ts';
import type { PageContext } from '../../../http/page-context.ts';
import { AdminPage } from '../../layouts/admin-page.tsx';
import { AnalyticsSection } from '../../partials/admin/analytics-section.tsx';

export interface AssignmentAnalyticsPageProps {
  ctx: PageContext;
  assignment: { id: number; title: string };
  analytics: AssignmentAnalytics;
}

/** GET /admin/assignments/:id/analytics: the analytics section of one assignment on a page of its own. */
export function AssignmentAnalyticsPage({ ctx, assignment, analytics }: AssignmentAnalyticsPageProps) {
  return (
    <AdminPage title={`Analytics · ${assignment.title}`} ctx={ctx} section="/admin/assignments">
      <h1>Analytics: {assignment.title}</h1>
      <p>
        <a href={`/admin/assignments/${assignment.id}`}>Back to the assignment</a>
      </p>
      <AnalyticsSection analytics={analytics} />
    </AdminPage>
  );
}
