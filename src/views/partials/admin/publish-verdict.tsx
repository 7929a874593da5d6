import type { PublishCheck } from '../../../config-versions/publish-gate.ts';

/** The publish gate's verdict in words: allowed, or refused with each reason; the tolerance is always stated. */
export function PublishVerdict({ check }: { check: PublishCheck }) {
  const tolerance = `${(check.tolerance * 100).toFixed(1)} percentage points`;
  if (check.allowed) {
    return (
      <p class="notice" id="publish-verdict">
        <strong>Verdict: publishing is allowed.</strong> The draft's hit rate is no more than {tolerance} below the published config's (llm.yaml calibration.tolerance).
      </p>
    );
  }
  return (
    <div class="notice error-notice" id="publish-verdict">
      <p>
        <strong>Verdict: publishing is refused.</strong> A draft may drop the hit rate by at most {tolerance} (llm.yaml calibration.tolerance). Why not now:
      </p>
      <ul>
        {check.reasons.map((r) => (
          <li>{r}</li>
        ))}
      </ul>
    </div>
  );
}
