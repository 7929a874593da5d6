import type { AssignmentSummary } from '../../../db/queries/assignments.ts';
import type { PageContext } from '../../../http/page-context.ts';
import { AdminPage } from '../../layouts/admin-page.tsx';
import { AssignmentForm } from '../../partials/admin/assignment-form.tsx';
import type { AssignmentFormState } from '../../partials/admin/assignment-form-state.ts';
import { AssignmentsTable } from '../../partials/admin/assignments-table.tsx';
import type { VersionOption } from '../../partials/admin/version-select.tsx';

export interface AssignmentsPageProps {
  ctx: PageContext;
  assignments: AssignmentSummary[];
  create: AssignmentFormState;
  versions: { rubric: VersionOption[]; prompt: VersionOption[] };
  maxContext: number;
}

/** GET /admin/assignments: the assignments this staff member runs, then the create form. */
export function AssignmentsPage(p: AssignmentsPageProps) {
  const failed = Object.values(p.create.errors).some(Boolean);
  return (
    <AdminPage title={failed ? 'Error: Assignments' : 'Assignments'} ctx={p.ctx} section="/admin/assignments">
      <h1>Assignments</h1>
      {failed ? (
        <p class="notice error-notice" role="alert">
          The assignment was not created. <a href="#create-assignment">Correct the form below</a>.
        </p>
      ) : null}
      <AssignmentsTable assignments={p.assignments} />
      <h2 id="create-heading">Create an assignment</h2>
      <AssignmentForm id="create-assignment" action="/admin/assignments" submitLabel="Create assignment" state={p.create} versions={p.versions} fixedSlug={false} maxContext={p.maxContext} />
    </AdminPage>
  );
}
