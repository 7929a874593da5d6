import type { ConfigVersionView } from '../../../config-versions/overview.ts';
import type { PageContext } from '../../../http/page-context.ts';
import { AdminPage } from '../../layouts/admin-page.tsx';
import { ConfigRollbackForm } from '../../partials/admin/config-rollback-form.tsx';
import { ConfigProblems } from '../../partials/admin/config-problems.tsx';
import { versionLabel } from '../../config-labels.ts';
import { ConfigVersionChanges } from '../../partials/admin/config-version-changes.tsx';
import { ConfigVersionFacts } from '../../partials/admin/config-version-facts.tsx';
import { ConfigVersionNav } from '../../partials/admin/config-version-nav.tsx';

export interface ConfigVersionProps extends ConfigVersionView {
  ctx: PageContext;
  /** The rollback form's state after a refused rollback: the note kept, a note error, or why the text can't be installed. */
  rollback: { note: string; noteError?: string; problems: string[] };
}

/** GET /admin/config/:name/versions/:version: one version's text, who saved it, and what it changed. */
export function ConfigVersionPage(p: ConfigVersionProps) {
  const file = `${p.name}.yaml`;
  const title = p.version === 0 ? `${file}: the shipped file` : `${file} version ${p.version}`;
  return (
    <AdminPage title={`${p.rollback.noteError || p.rollback.problems.length ? 'Error: ' : ''}${title}`} ctx={p.ctx} section="/admin/config">
      <h1>{title}</h1>
      {p.rollback.problems.length ? <ConfigProblems what={`${versionLabel(p.version)} was not rolled back`} problems={p.rollback.problems} /> : null}
      <ConfigVersionFacts name={p.name} version={p.version} saved={p.saved} inForce={p.inForce} />
      <ConfigVersionNav name={p.name} previous={p.previous} next={p.next} />
      {p.previous === undefined ? null : <ConfigVersionChanges version={p.version} previous={p.previous} diff={p.diff} stats={p.stats} />}
      <h2>Full text</h2>
      {/* A focusable scroll box needs a name; a <pre> may carry aria-label only with a role (Nu Html Checker). */}
      <pre class="code" tabindex={0} role="region" aria-label={`${title}, full text`}>
        {p.yaml}
      </pre>
      {p.version === p.inForce ? null : (
        <>
          <h2>Roll back</h2>
          <p>
            {p.rollbackMakesDraft
              ? 'Rolling back saves this text as a new draft: calibrate it and publish it like any edit. It is checked first, like any save.'
              : 'Rolling back saves this text as a new version, so the history stays complete. It is checked first, like any save.'}
          </p>
          <ConfigRollbackForm name={p.name} version={p.version} withNote note={p.rollback.note} error={p.rollback.noteError} />
        </>
      )}
    </AdminPage>
  );
}
