/** A score as a bar: SVG (no inline style, so the CSP holds), with a text equivalent. */
export function ScoreBar({ score, min, max }: { score: number; min: number; max: number }) {
  const pct = Math.round(((score - min + (min === 0 ? 0 : 1)) / (max - min + (min === 0 ? 0 : 1))) * 100);
  return (
    <svg class="score-bar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false">
      <rect class="score-bar-track" x="0" y="0" width="100" height="10" rx="2" />
      <rect class={`score-bar-fill level-${score}`} x="0" y="0" width={String(pct)} height="10" rx="2" />
    </svg>
  );
}
