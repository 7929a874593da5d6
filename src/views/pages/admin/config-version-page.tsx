import type { ConfigVersionView } from '../../../config/overview.ts';
import type { PageContext } from '../../../http/page-context.ts';
import { formatDate, isoDate } from '../../format.ts';
import { AdminPage } from '../../layouts/admin-page.tsx';
import { ConfigDiffTable } from '../../partials/admin/config-diff-table.tsx';
import { versionLabel } from '../../config-labels.ts';
import { ConfigRollbackForm } from '../../partials/admin/config-rollback-form.tsx';

export interface ConfigVersionProps extends ConfigVersionView {
  ctx: PageContext;
  /** The rollback form's state after a refused rollback: the note kept, a note error, or why the text can't be installed. */
  rollback: { note: string; noteError?: string; problems: string[] };
}

/** GET /admin/config/:name/versions/:version: one version's text, who saved it, and what it changed. */
export function ConfigVersionPage(p: ConfigVersionProps) {
  const file = `${p.name}.yaml`;
  const title = p.version === 0 ? `${file}: the shipped file` : `${file} version ${p.version}`;
  const base = `/admin/config/${p.name}/versions`;
  return (
    <AdminPage title={`${p.rollback.noteError || p.rollback.problems.length ? 'Error: ' : ''}${title}`} ctx={p.ctx} section="/admin/config">
      <h1>{title}</h1>
      {p.rollback.problems.length ? (
        <div class="notice error-notice" role="alert">
          <p>
            <strong>Error:</strong> {versionLabel(p.version)} was not rolled back:
          </p>
          <ul>
            {p.rollback.problems.map((x) => (
              <li>{x}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <dl class="meta-list">
        {p.saved ? (
          <>
            <dt>Saved</dt>
            <dd>
              <time datetime={isoDate(p.saved.createdAt)}>{formatDate(p.saved.createdAt)}</time> by {p.saved.authorName}
            </dd>
            <dt>Note</dt>
            <dd>{p.saved.note}</dd>
            <dt>Hash</dt>
            <dd>
              <code>{p.saved.hash}</code>
            </dd>
          </>
        ) : (
          <>
            <dt>Source</dt>
            <dd>config/{file} as deployed (read-only)</dd>
          </>
        )}
        <dt>Status</dt>
        <dd>{p.version === p.inForce ? 'In force: evaluations use this version.' : `Not in force (${versionLabel(p.inForce)} is).`}</dd>
      </dl>
      <nav aria-label="Versions" class="pager">
        {p.version > 0 ? (
          <a rel="prev" href={`${base}/${p.version - 1}`}>
            Older: {versionLabel(p.version - 1)}
          </a>
        ) : null}
        {p.version < p.newest ? (
          <a rel="next" href={`${base}/${p.version + 1}`}>
            Newer: v{p.version + 1}
          </a>
        ) : null}
        <a href="/admin/config">All configuration</a>
      </nav>
      {p.previous === undefined ? null : (
        <>
          <h2>
            Changes from {versionLabel(p.previous)}: {p.stats.added} added, {p.stats.deleted} removed
          </h2>
          {p.stats.added + p.stats.deleted === 0 ? <p>The text is the same as {versionLabel(p.previous)}.</p> : <ConfigDiffTable label={`Changes from ${versionLabel(p.previous)} to ${versionLabel(p.version)}`} lines={p.diff} />}
        </>
      )}
      <h2>Full text</h2>
      {/* A focusable scroll box needs a name; a <pre> may carry aria-label only with a role (Nu Html Checker). */}
      <pre class="code" tabindex={0} role="region" aria-label={`${title}, full text`}>
        {p.yaml}
      </pre>
      {p.version === p.inForce ? null : (
        <>
          <h2>Roll back</h2>
          <p>Rolling back saves this text as a new version, so the history stays complete. It is checked first, like any save.</p>
          <ConfigRollbackForm name={p.name} version={p.version} withNote note={p.rollback.note} error={p.rollback.noteError} />
        </>
      )}
    </AdminPage>
  );
}
