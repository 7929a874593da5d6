import type { AnchorVersionSummary } from '../../../db/queries/anchors.ts';
import type { PageContext } from '../../../http/page-context.ts';
import { AdminPage } from '../../layouts/admin-page.tsx';
import { AnchorEditForm, type AnchorEditFormProps } from '../../partials/admin/anchor-edit-form.tsx';
import { AnchorHistoryTable } from '../../partials/admin/anchor-history-table.tsx';
import { AnchorRemoveForm } from '../../partials/admin/anchor-remove-form.tsx';

export interface AnchorEditPageProps {
  ctx: PageContext;
  assignment: { id: number; title: string };
  /** The anchor edited; null on the new-anchor form. */
  anchor: null | { id: string; removed: boolean; history: AnchorVersionSummary[]; shipped: boolean };
  form: Omit<AnchorEditFormProps, 'action'>;
}

/** GET /admin/assignments/:id/anchors/new and …/anchors/:anchorId: the YAML editor, then the history. */
export function AnchorEditPage({ ctx, assignment: a, anchor, form }: AnchorEditPageProps) {
  const list = `/admin/assignments/${a.id}/anchors`;
  const base = anchor ? `${list}/${anchor.id}` : `${list}/new`;
  const heading = anchor ? `Anchor ${anchor.id}` : 'New anchor memo';
  const failed = form.yamlErrors.length > 0 || Boolean(form.noteError);
  return (
    <AdminPage title={`${failed ? 'Error: ' : ''}${heading}: ${a.title}`} ctx={ctx} section="/admin/assignments">
      <p class="breadcrumb">
        <a href="/admin/assignments">Assignments</a> › <a href={`/admin/assignments/${a.id}`}>{a.title}</a> › <a href={list}>Anchor memos</a>
      </p>
      <h1>{heading}</h1>
      {anchor?.removed ? (
        <p class="notice" role="status">
          This anchor is removed from {a.title}: calibrations leave it out. Saving a text here, or restoring it from the anchor list, brings it back as a new version.
        </p>
      ) : null}
      <p>Saving stores a new version for this assignment only; the next calibration run uses it. Nothing is saved while any problem remains.</p>
      <AnchorEditForm action={base} {...form} />
      {anchor && !anchor.removed ? <AnchorRemoveForm base={base} anchorId={anchor.id} /> : null}
      {anchor ? (
        <section aria-labelledby="anchor-history-heading">
          <h2 id="anchor-history-heading">Versions</h2>
          <AnchorHistoryTable base={base} anchorId={anchor.id} versions={anchor.history} shipped={anchor.shipped} />
        </section>
      ) : null}
    </AdminPage>
  );
}
