import type { AnchorVersionSummary } from '../../../db/queries/anchors.ts';
import { VersionSavedCells } from './version-saved-cells.tsx';

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
      <VersionSavedCells createdAt={v.createdAt} authorName={v.authorName} note={v.note} />
      <td>{v.removed ? '—' : <a href={`${base}/versions/${v.version}`}>View v{v.version}</a>}</td>
    </tr>
  );
}
