import type { RunSnapshot } from '../../../calibration/snapshot.ts';

/** Anchors left out of the run because they don't fit the rubric it used, with the reasons. */
export function CalibrationSkipped({ skipped }: { skipped: RunSnapshot['skipped'] }) {
  if (skipped.length === 0) return null;
  return (
    <section class="notice" aria-labelledby="skipped-heading">
      <h2 id="skipped-heading">Anchors skipped</h2>
      <ul>
        {skipped.map((s) => (
          <li>
            <strong>
              {s.id} v{s.version}
            </strong>
            : {s.reasons.join('; ')}
          </li>
        ))}
      </ul>
    </section>
  );
}
