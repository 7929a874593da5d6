import type { AnchorVersionSummary } from '../../../db/queries/anchors.ts';
import { plural } from '../../format.ts';
import { AnchorHistoryRow } from './anchor-history-row.tsx';

export interface AnchorHistoryTableProps {
  /** The anchor's console path: /admin/assignments/:id/anchors/:anchorId. */
  base: string;
  anchorId: string;
  /** Newest first. */
  versions: AnchorVersionSummary[];
  /** Whether the anchor is shipped in config/anchors (version 0). */
  shipped: boolean;
}

/** One anchor's version history for one assignment, newest first, ending with the shipped file. */
export function AnchorHistoryTable(p: AnchorHistoryTableProps) {
  const newest = p.versions[0]?.version ?? 0;
  return (
    <div class="table-wrap">
      <table class="data-table">
        <caption>
          {p.anchorId} history: {plural(p.versions.length, 'saved version', 'saved versions')}
        </caption>
        <thead>
          <tr>
            <th scope="col">Version</th>
            <th scope="col">Saved</th>
            <th scope="col">Author</th>
            <th scope="col">Note</th>
            <th scope="col">Text</th>
          </tr>
        </thead>
        <tbody>
          {p.versions.map((v) => (
            <AnchorHistoryRow base={p.base} version={v} inForce={v.version === newest && !v.removed} />
          ))}
          {p.shipped ? (
            <tr>
              <th scope="row">v0 (shipped){newest === 0 ? ' (in force)' : ''}</th>
              <td>—</td>
              <td>config/anchors</td>
              <td>The shipped file</td>
              <td>
                <a href={`${p.base}/versions/0`}>View the shipped file</a>
              </td>
            </tr>
          ) : null}
        </tbody>
      </table>
    </div>
  );
}
