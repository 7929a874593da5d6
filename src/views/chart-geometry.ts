/** The progress chart's canvas in SVG units; axis labels sit in the padding. */
export const W = 640;
export const H = 260;
export const PAD = { left: 36, right: 12, top: 12, bottom: 36 };

/** Where things go on the canvas: `x` for the i-th point, `y` for a score. */
export interface ChartFrame {
  x: (i: number) => number;
  y: (v: number) => number;
}

/** n points spread across the width (a single one in the middle), the score scale top to bottom. */
export function chartFrame(n: number, scale: { min: number; max: number }): ChartFrame {
  const innerW = W - PAD.left - PAD.right;
  const innerH = H - PAD.top - PAD.bottom;
  return {
    x: (i) => PAD.left + (n === 1 ? innerW / 2 : (i * innerW) / (n - 1)),
    y: (v) => PAD.top + ((scale.max - v) / (scale.max - scale.min)) * innerH,
  };
}

/** The stroke class of the k-th criterion's line: six styles, then they repeat. */
export function seriesClass(k: number): string {
  return `s${(k % 6) + 1}`;
}
