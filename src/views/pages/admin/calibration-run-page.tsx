import type { RunView } from '../../../calibration/run-view.ts';
import type { PageContext } from '../../../http/page-context.ts';
import { AdminPage } from '../../layouts/admin-page.tsx';
import { CalibrationConfigFacts } from '../../partials/admin/calibration-config-facts.tsx';
import { CalibrationFailedReadings } from '../../partials/admin/calibration-failed-readings.tsx';
import { CalibrationResults } from '../../partials/admin/calibration-results.tsx';
import { CalibrationSkipped } from '../../partials/admin/calibration-skipped.tsx';

/** Seconds between reloads while a run is going (no JavaScript needed). */
const REFRESH_SECONDS = 3;

/** GET /admin/calibration/:id: progress while running; then the report, against the config it was pinned to. */
export function CalibrationRunPage({ ctx, view }: { ctx: PageContext; view: RunView }) {
  const { run, snapshot, report } = view;
  const going = run.status === 'queued' || run.status === 'running';
  return (
    <AdminPage title={`Calibration run ${run.id}`} ctx={ctx} section="/admin/calibration" refreshSeconds={going ? REFRESH_SECONDS : undefined}>
      <p>
        <a href="/admin/calibration">← All calibration runs</a>
      </p>
      <h1>
        Calibration run {run.id}: {view.assignment.title}
      </h1>
      {going ? (
        <p class="notice" role="status" id="calibration-progress">
          {run.status === 'queued' ? 'Queued' : 'Running'}: {run.readingsDone} of {run.readingsTotal} readings. This page reloads every {REFRESH_SECONDS} seconds.
        </p>
      ) : null}
      {run.status === 'failed' ? (
        <p class="notice error" role="alert">
          This run failed: {run.error}
        </p>
      ) : null}
      <CalibrationConfigFacts run={run} assignment={view.assignment} />
      {snapshot ? <CalibrationSkipped skipped={snapshot.skipped} /> : <p class="notice error">The anchors this run recorded can't be read; its figures are not shown.</p>}
      {run.status === 'done' && report && snapshot ? <CalibrationResults runId={run.id} report={report} rubric={snapshot.rubric} failed={view.failed} readings={run.readingsTotal} /> : null}
      {run.status === 'failed' && view.failed.length ? <CalibrationFailedReadings readings={view.failed} /> : null}
    </AdminPage>
  );
}
