import type { Child } from 'hono/jsx';
import type { PageContext } from '../../../http/page-context.ts';
import { AdminPage } from '../../layouts/admin-page.tsx';
import { AssignmentForm } from '../../partials/admin/assignment-form.tsx';
import type { AssignmentFormState } from '../../partials/admin/assignment-form-state.ts';
import { CoTeachers, type CoTeachersProps } from '../../partials/admin/co-teachers.tsx';
import type { VersionOption } from '../../partials/admin/version-select.tsx';

export interface AssignmentPageProps {
  ctx: PageContext;
  assignment: { id: number; slug: string; title: string };
  edit: AssignmentFormState;
  versions: { rubric: VersionOption[]; prompt: VersionOption[] };
  fixedSlug: boolean;
  maxContext: number;
  coTeachers: Omit<CoTeachersProps, 'assignmentId'>;
  /** How many anchor memos are in force for this assignment (linked to their console). */
  anchorCount: number;
  /** Sections after the co-teachers: the assignment's agreement and class analytics. */
  children?: Child;
}

/** GET /admin/assignments/:id: the edit form, the co-teachers, then any further sections. */
export function AssignmentPage(p: AssignmentPageProps) {
  const failed = Object.values(p.edit.errors).some(Boolean) || Boolean(p.coTeachers.add.error);
  const { id, slug, title } = p.assignment;
  return (
    <AdminPage title={`${failed ? 'Error: ' : ''}${title}`} ctx={p.ctx} section="/admin/assignments">
      <p class="breadcrumb">
        <a href="/admin/assignments">Assignments</a>
      </p>
      <h1>{title}</h1>
      <p>
        Students open it at <a href={`/a/${slug}`}>/a/{slug}</a>. <a href={`/admin/assignments/${id}/anchors`}>Anchor memos ({p.anchorCount})</a>
      </p>
      {failed ? (
        <p class="notice error-notice" role="alert">
          Nothing was changed. Correct the form below.
        </p>
      ) : null}
      <h2 id="edit-heading">Settings</h2>
      <AssignmentForm id="edit-assignment" action={`/admin/assignments/${id}`} submitLabel="Save changes" state={p.edit} versions={p.versions} fixedSlug={p.fixedSlug} maxContext={p.maxContext} />
      <CoTeachers assignmentId={id} {...p.coTeachers} />
      {p.children ?? null}
    </AdminPage>
  );
}
