import type { PageContext } from '../../../http/page-context.ts';
import { AdminPage } from '../../layouts/admin-page.tsx';

export interface AnchorVersionPageProps {
  ctx: PageContext;
  assignment: { id: number; title: string };
  anchorId: string;
  /** 0 = the shipped file. */
  version: number;
  yaml: string;
  /** Who saved it and why (stored versions only). */
  saved?: { authorName: string; note: string; date: string };
}

/** GET /admin/assignments/:id/anchors/:anchorId/versions/:version: one version's text. */
export function AnchorVersionPage(p: AnchorVersionPageProps) {
  const base = `/admin/assignments/${p.assignment.id}/anchors/${p.anchorId}`;
  const title = p.version === 0 ? `Anchor ${p.anchorId}: the shipped file` : `Anchor ${p.anchorId} version ${p.version}`;
  return (
    <AdminPage title={`${title}: ${p.assignment.title}`} ctx={p.ctx} section="/admin/assignments">
      <p class="breadcrumb">
        <a href={`/admin/assignments/${p.assignment.id}/anchors`}>Anchor memos</a> › <a href={base}>{p.anchorId}</a>
      </p>
      <h1>{title}</h1>
      <p>{p.saved ? `Saved ${p.saved.date} by ${p.saved.authorName}: ${p.saved.note}` : 'The file shipped in config/anchors.'} To use this text again, copy it into the editor and save.</p>
      <pre class="code" tabindex={0} role="region" aria-label={`${title}, full text`}>
        {p.yaml}
      </pre>
    </AdminPage>
  );
}
