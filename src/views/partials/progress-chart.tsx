import type { I18n } from '../../i18n/index.ts';

export interface ProgressPoint {
  evaluationId: number;
  createdAt: number;
  overall: number;
  /** Criterion id → score. */
  scores: Record<string, number>;
}

export interface ProgressChartProps {
  points: ProgressPoint[];
  criteria: { id: string; name: string }[];
  scale: { min: number; max: number };
}

type ChartProps = ProgressChartProps & { i18n: I18n };

const W = 640;
const H = 260;
const PAD = { left: 36, right: 12, top: 12, bottom: 36 };

/** Polyline points for one series; a missing score breaks the line into separate runs. */
function runs(values: (number | undefined)[], x: (i: number) => number, y: (v: number) => number): string[] {
  const out: string[] = [];
  let cur: string[] = [];
  values.forEach((v, i) => {
    if (v === undefined) {
      if (cur.length) out.push(cur.join(' '));
      cur = [];
    } else cur.push(`${x(i).toFixed(1)},${y(v).toFixed(1)}`);
  });
  if (cur.length) out.push(cur.join(' '));
  return out;
}

/** Overall and per-criterion scores over time as server-rendered SVG (no JavaScript), with a table as its text alternative. */
export function ProgressChart({ points, criteria, scale, i18n }: ChartProps) {
  const { t, shortDate } = i18n;
  const n = points.length;
  const innerW = W - PAD.left - PAD.right;
  const innerH = H - PAD.top - PAD.bottom;
  const x = (i: number) => PAD.left + (n === 1 ? innerW / 2 : (i * innerW) / (n - 1));
  const y = (v: number) => PAD.top + ((scale.max - v) / (scale.max - scale.min)) * innerH;
  const levels = Array.from({ length: scale.max - scale.min + 1 }, (_, i) => scale.min + i);
  const labelEvery = Math.max(1, Math.ceil(n / 6));
  const first = points[0]!;
  const last = points[n - 1]!;
  const summary = t(n === 1 ? 'chart.desc.one' : 'chart.desc.other', { first: first.overall.toFixed(1), firstDate: shortDate(first.createdAt), last: last.overall.toFixed(1), lastDate: shortDate(last.createdAt), n });
  // The data table sits after the <figure>: a <figcaption> must be the figure's first or last child.
  return (
    <>
      <figure class="progress-figure">
        <svg class="chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby="chart-title chart-desc">
          <title id="chart-title">{t('chart.title')}</title>
          <desc id="chart-desc">{summary}</desc>
          {levels.map((l) => (
            <>
              <line class="grid" x1={PAD.left} x2={W - PAD.right} y1={y(l)} y2={y(l)} />
              <text x={PAD.left - 8} y={y(l) + 4} text-anchor="end">
                {l}
              </text>
            </>
          ))}
          <line class="axis" x1={PAD.left} x2={PAD.left} y1={PAD.top} y2={H - PAD.bottom} />
          {points.map((p, i) =>
            i % labelEvery === 0 || i === n - 1 ? (
              <text x={x(i)} y={H - PAD.bottom + 18} text-anchor={n > 1 && i === 0 ? 'start' : n > 1 && i === n - 1 ? 'end' : 'middle'}>
                {shortDate(p.createdAt)}
              </text>
            ) : null,
          )}
          {criteria.map((c, k) =>
            runs(points.map((p) => p.scores[c.id]), x, y).map((pts) => <polyline class={`series s${(k % 6) + 1}`} points={pts} />),
          )}
          {runs(points.map((p) => p.overall), x, y).map((pts) => (
            <polyline class="series overall" points={pts} />
          ))}
          {points.map((p, i) => (
            <circle class="dot" cx={x(i)} cy={y(p.overall)} r="4">
              <title>{t('chart.point', { date: shortDate(p.createdAt), overall: p.overall.toFixed(1) })}</title>
            </circle>
          ))}
        </svg>
        <figcaption>
          <ul class="legend">
            <li>
              <LegendLine cls="overall" /> {t('chart.overall')}
            </li>
            {criteria.map((c, k) => (
              <li>
                <LegendLine cls={`s${(k % 6) + 1}`} /> {c.name}
              </li>
            ))}
          </ul>
        </figcaption>
      </figure>
      <details>
        <summary>{t('chart.table')}</summary>
        <div class="table-wrap">
          <table class="data-table">
            <caption>{t('chart.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('chart.date')}</th>
                <th scope="col" class="num">{t('chart.overall')}</th>
                {criteria.map((c) => (
                  <th scope="col" class="num">
                    {c.name}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {points.map((p) => (
                <tr>
                  <th scope="row">
                    <a href={`/evaluations/${p.evaluationId}`}>{shortDate(p.createdAt)}</a>
                  </th>
                  <td class="num">{p.overall.toFixed(1)}</td>
                  {criteria.map((c) => (
                    <td class="num">{p.scores[c.id] ?? '–'}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </>
  );
}

function LegendLine({ cls }: { cls: string }) {
  return (
    <svg class="chart legend-line" width="28" height="10" viewBox="0 0 28 10" aria-hidden="true" focusable="false">
      <line class={`series ${cls}`} x1="0" x2="28" y1="5" y2="5" />
    </svg>
  );
}
