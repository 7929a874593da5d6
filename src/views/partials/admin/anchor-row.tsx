import type { AnchorListing } from '../../../calibration/anchor-edits.ts';

export interface AnchorRowProps {
  assignmentId: number;
  listing: AnchorListing;
}

/** One anchor in force: id (linked to its editor), title, tags, expected overall, version, misfits. */
export function AnchorRow({ assignmentId, listing: { anchor, version, misfits } }: AnchorRowProps) {
  const [lo, hi] = anchor.expected.overall;
  return (
    <tr>
      <th scope="row">
        <a href={`/admin/assignments/${assignmentId}/anchors/${anchor.id}`}>{anchor.id}</a>
      </th>
      <td>{anchor.title}</td>
      <td>{anchor.tags.length ? anchor.tags.join(', ') : '—'}</td>
      <td>
        {lo}–{hi}
      </td>
      <td>{version === 0 ? 'shipped' : `v${version}`}</td>
      <td>
        {misfits.length ? (
          <ul class="field-error">
            {misfits.map((m) => (
              <li>{m}</li>
            ))}
          </ul>
        ) : (
          'fits'
        )}
      </td>
    </tr>
  );
}
