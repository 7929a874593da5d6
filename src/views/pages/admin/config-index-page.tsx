import type { ConfigOverview, LastEvaluationUse } from '../../../config-versions/overview.ts';
import type { PageContext } from '../../../http/page-context.ts';
import { AdminPage } from '../../layouts/admin-page.tsx';
import { versionLabel } from '../../config-labels.ts';
import { ConfigSection } from '../../partials/admin/config-section.tsx';

export interface ConfigIndexProps {
  ctx: PageContext;
  configs: ConfigOverview[];
  lastEvaluation: LastEvaluationUse | undefined;
}

/** GET /admin/config: the effective config, its versions, and links to edit, diff and roll back. */
export function ConfigIndexPage({ ctx, configs, lastEvaluation }: ConfigIndexProps) {
  return (
    <AdminPage title="Configuration" ctx={ctx} section="/admin/config">
      <h1>Configuration</h1>
      <p class="lead">
        Each save is a new version with its author and note. Changes to the rubric, the prompt and llm.yaml are saved as drafts: calibrate a draft against the anchor memos, then publish it from its page. The newest published version of each file is in force and the next evaluation uses it, without a restart; accounts and limits (auth.yaml) apply at once. The files in config/ are the shipped defaults.
      </p>
      {lastEvaluation ? lastEvaluationLine(lastEvaluation) : null}
      {configs.map((cfg) => (
        <ConfigSection cfg={cfg} />
      ))}
    </AdminPage>
  );
}

function lastEvaluationLine(last: LastEvaluationUse) {
  return (
    <p class="hint">
      The newest finished evaluation (#{last.id}) used{' '}
      {last.used.map((u, i) => (
        <>
          {i > 0 ? ', ' : ''}
          {u.name} {u.hash === null ? 'unrecorded' : u.version === undefined ? 'an unknown version' : versionLabel(u.version)}
          {u.hash ? (
            <>
              {' '}
              (<code>{u.hash}</code>)
            </>
          ) : null}
        </>
      ))}
      .
    </p>
  );
}
