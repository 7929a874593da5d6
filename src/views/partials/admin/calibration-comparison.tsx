import type { Child } from 'hono/jsx';
import type { PublishCheck } from '../../../config-versions/publish-gate.ts';
import { CalibrationComparisonTable } from './calibration-comparison-table.tsx';
import { PublishVerdict } from './publish-verdict.tsx';

export interface CalibrationComparisonProps {
  check: PublishCheck;
  /** Shown below the totals, e.g. a per-anchor table of the two runs. */
  children?: Child;
}

/** Published run vs draft run on the same anchors: the totals side by side, then the verdict, then any detail. */
export function CalibrationComparison({ check, children }: CalibrationComparisonProps) {
  return (
    <section aria-labelledby="comparison-heading">
      <h2 id="comparison-heading">Calibration: published config vs this draft</h2>
      <p class="hint">Both runs read the anchor memos of the default assignment (memo); the newest finished run of each is compared.</p>
      <CalibrationComparisonTable published={check.baseline} draft={check.draftRun} difference={check.difference} />
      <PublishVerdict check={check} />
      {children}
    </section>
  );
}
