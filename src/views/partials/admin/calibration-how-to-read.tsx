/** The report's definitions in a few lines (the same as docs/decisions/017-calibration-runs.md). */
export function CalibrationHowToRead() {
  return (
    <details class="how-to-read">
      <summary>How to read this</summary>
      <ul>
        <li>Each anchor memo was read several times. For every criterion the anchor gives a range for, and for the overall score, the <strong>median</strong> of its readings is checked against the expected range.</li>
        <li><strong>Hit rate</strong>: checks whose median is inside the range, out of all checks. An anchor with no successful reading counts all its checks as misses.</li>
        <li><strong>Mean distance outside range</strong>: over the missed checks that have a median, how far the median is from the nearest end of the range (0 when nothing missed).</li>
        <li><strong>Spread</strong>: how much the readings of one criterion disagree: the range (highest minus lowest score) and the population standard deviation. <strong>Mean spread</strong> averages the criterion ranges over every anchor and criterion; <strong>worst spread</strong> is the largest one.</li>
        <li>A failed reading is listed below and left out of the figures; only budget, config and restart problems fail a run.</li>
      </ul>
    </details>
  );
}
