import type { ConfigDraftView } from '../../../config-versions/draft-view.ts';
import type { RunTotals } from '../../../db/queries/calibration-gate.ts';
import { plural } from '../../format.ts';
import { CalibrateForm } from './calibrate-form.tsx';

export type ConfigDraftCalibrateProps = Pick<ConfigDraftView, 'latestRun' | 'calibration' | 'check'> & { open: boolean };

function runStatus(run: RunTotals | undefined) {
  if (!run) return 'This draft has not been calibrated yet.';
  const link = <a href={`/admin/calibration/${run.id}`}>Run #{run.id}</a>;
  if (run.status === 'done') return <>{link} finished: its totals are compared below.</>;
  if (run.status === 'failed') return <>{link} failed{run.error ? `: ${run.error}` : ''}. Calibrate again.</>;
  return (
    <>
      {link} is {run.status}: {run.readingsDone} of {run.readingsTotal} readings done. Reload this page to see its totals.
    </>
  );
}

/** Where the draft's calibration stands, and the forms that start a run of the draft and, when missing, of the published config. */
export function ConfigDraftCalibrate({ latestRun, calibration: cal, check, open }: ConfigDraftCalibrateProps) {
  return (
    <section aria-labelledby="calibrate-heading">
      <h2 id="calibrate-heading">Calibration status</h2>
      <p id="calibration-status">{runStatus(latestRun)}</p>
      {open ? (
        <>
          <p class="hint">
            A run reads every anchor memo of the assignment {cal.assignment} {plural(cal.samples, 'time', 'times')} (llm.yaml calibration.samples) and costs like that many evaluations.
          </p>
          <CalibrateForm assignment={cal.assignment} draft={cal.draft} samples={cal.samples} label="Calibrate this draft" />
          {check.baselineProblem ? (
            <>
              <p>{check.baselineProblem}</p>
              <CalibrateForm assignment={cal.assignment} samples={cal.samples} label="Calibrate the published config" />
            </>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
