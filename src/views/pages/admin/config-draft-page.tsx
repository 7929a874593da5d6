import type { ConfigDraftView } from '../../../config-versions/draft-view.ts';
import type { PageContext } from '../../../http/page-context.ts';
import { AdminPage } from '../../layouts/admin-page.tsx';
import { AnchorComparisonTable } from '../../partials/admin/anchor-comparison-table.tsx';
import { CalibrationComparison } from '../../partials/admin/calibration-comparison.tsx';
import { ConfigDraftActions } from '../../partials/admin/config-draft-actions.tsx';
import { ConfigDraftCalibrate } from '../../partials/admin/config-draft-calibrate.tsx';
import { ConfigDraftFacts } from '../../partials/admin/config-draft-facts.tsx';
import { ConfigProblems } from '../../partials/admin/config-problems.tsx';
import { ConfigVersionChanges } from '../../partials/admin/config-version-changes.tsx';

export interface ConfigDraftPageProps extends ConfigDraftView {
  ctx: PageContext;
  /** After a refused publish or discard: why; and the override form's note and error. */
  outcome: { what?: string; problems: string[]; overrideNote: string; overrideError?: string };
  maxOverrideNote: number;
}

/** GET /admin/config/:name/drafts/:version: a draft's text and diff, its calibration against the published config, and publish/discard. */
export function ConfigDraftPage(p: ConfigDraftPageProps) {
  const title = `${p.name}.yaml draft v${p.version}`;
  const failed = p.outcome.problems.length > 0 || !!p.outcome.overrideError;
  const base = `/admin/config/${p.name}/drafts/${p.version}`;
  return (
    <AdminPage title={`${failed ? 'Error: ' : ''}${title}`} ctx={p.ctx} section="/admin/config">
      <h1>{title}</h1>
      {p.outcome.problems.length ? <ConfigProblems what={p.outcome.what ?? `Draft v${p.version} was not published`} problems={p.outcome.problems} /> : null}
      <ConfigDraftFacts name={p.name} saved={p.saved} state={p.state} inForce={p.inForce} inForceHash={p.inForceHash} />
      <ConfigVersionChanges version={p.version} previous={p.inForce} diff={p.diff} stats={p.stats} />
      <ConfigDraftCalibrate latestRun={p.latestRun} calibration={p.calibration} check={p.check} open={p.state.kind === 'open'} />
      <CalibrationComparison check={p.check}>
        <AnchorComparisonTable rows={p.anchors} />
      </CalibrationComparison>
      {p.state.kind === 'open' ? <ConfigDraftActions base={base} check={p.check} override={{ note: p.outcome.overrideNote, error: p.outcome.overrideError }} maxNote={p.maxOverrideNote} /> : null}
      <h2>Full text</h2>
      <pre class="code" tabindex={0} role="region" aria-label={`${title}, full text`}>
        {p.yaml}
      </pre>
      <p>
        <a href="/admin/config">All configuration</a>
      </p>
    </AdminPage>
  );
}
