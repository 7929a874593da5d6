import type { AnchorOverview } from '../../../calibration/anchor-edits.ts';
import type { PageContext } from '../../../http/page-context.ts';
import { AdminPage } from '../../layouts/admin-page.tsx';
import { AnchorRemovedList } from '../../partials/admin/anchor-removed-list.tsx';
import { AnchorTable } from '../../partials/admin/anchor-table.tsx';

export interface AnchorsPageProps {
  ctx: PageContext;
  assignment: { id: number; title: string };
  overview: AnchorOverview;
  /** Why the last action was refused (a restore that no longer fits, say). */
  problem?: string;
}

/** GET /admin/assignments/:id/anchors: the anchor memos a calibration of this assignment scores. */
export function AnchorsPage({ ctx, assignment: a, overview, problem }: AnchorsPageProps) {
  const base = `/admin/assignments/${a.id}`;
  return (
    <AdminPage title={`${problem ? 'Error: ' : ''}Anchor memos: ${a.title}`} ctx={ctx} section="/admin/assignments">
      <p class="breadcrumb">
        <a href="/admin/assignments">Assignments</a> › <a href={base}>{a.title}</a>
      </p>
      <h1>Anchor memos: {a.title}</h1>
      <p>
        Anchor memos are memos with the scores a competent grader should give them. A calibration run evaluates each one several times and checks the scores fall in these ranges. Every edit is kept as a version; "shipped" means the file in config/anchors, unchanged.
      </p>
      {problem ? (
        <p class="notice error-notice" role="alert">
          {problem}
        </p>
      ) : null}
      {overview.rubricProblem ? (
        <p class="notice error-notice" role="status">
          The assignment's rubric can't be read, so the anchors are not checked against it: {overview.rubricProblem}
        </p>
      ) : null}
      <p>
        <a href={`${base}/anchors/new`} class="button">
          New anchor
        </a>
      </p>
      <AnchorTable assignmentId={a.id} anchors={overview.inForce} />
      <AnchorRemovedList assignmentId={a.id} removed={overview.removed} />
    </AdminPage>
  );
}
