import type { AnchorComparisonRow as Row, AnchorSide } from '../../../calibration/anchor-comparison.ts';

/** "3.4 ✓ (7 of 7)": the overall median, in or out of range (a word for screen readers, not colour), and the checks hit. */
function side(s: AnchorSide | undefined) {
  if (!s) return <td>not read</td>;
  const mark = s.overallInRange === null ? '' : s.overallInRange ? ' ✓' : ' ✗';
  const label = s.overallInRange === null ? '' : s.overallInRange ? 'in range' : 'out of range';
  return (
    <td>
      {s.overall === null ? '–' : s.overall.toFixed(2)}
      {mark ? <span aria-label={label}>{mark}</span> : null} ({s.hits} of {s.checks} checks)
    </td>
  );
}

/** One anchor: published run beside draft run, and whether its hits changed. */
export function AnchorComparisonRow({ row }: { row: Row }) {
  const change = row.published && row.draft ? row.draft.hits - row.published.hits : null;
  return (
    <tr>
      <th scope="row">
        {row.title} <code>{row.id}</code>
        {row.tags.length ? <span class="hint"> {row.tags.join(', ')}</span> : null}
      </th>
      {side(row.published)}
      {side(row.draft)}
      <td>{change === null ? '–' : change === 0 ? 'same' : change > 0 ? `+${change}` : String(change)}</td>
    </tr>
  );
}
