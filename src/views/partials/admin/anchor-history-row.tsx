import type { AnchorVersionSummary } from '../../../db/queries/anchors.ts';
import { formatDate, isoDate } from '../../format.ts';

export interface AnchorHistoryRowProps {
  base: string;
  version: AnchorVersionSummary;
  inForce: boolean;
}

/** One stored version of an anchor: number, when, who, why, and a link to its text. */
export function AnchorHistoryRow({ base, version: v, inForce }: AnchorHistoryRowProps) {
  return (
    <tr>
      <th scope="row">
        v{v.version}
        {v.removed ? ' (removed)' : ''}
        {inForce ? ' (in force)' : ''}
      </th>
      <td>
        <time datetime={isoDate(v.createdAt)}>{formatDate(v.createdAt)}</time>
      </td>
      <td>{v.authorName}</td>
      <td>{v.note}</td>
      <td>{v.removed ? '—' : <a href={`${base}/versions/${v.version}`}>View v{v.version}</a>}</td>
    </tr>
  );
}
