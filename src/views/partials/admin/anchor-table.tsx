import type { AnchorListing } from '../../../calibration/anchor-edits.ts';
import { plural } from '../../format.ts';
import { AnchorRow } from './anchor-row.tsx';

export interface AnchorTableProps {
  assignmentId: number;
  anchors: AnchorListing[];
}

/** The anchors in force for one assignment, by id. */
export function AnchorTable({ assignmentId, anchors }: AnchorTableProps) {
  if (!anchors.length) return <p>No anchor memos are in force for this assignment. Add one, or restore a removed one below.</p>;
  return (
    <div class="table-wrap">
      <table class="data-table">
        <caption>Anchor memos in force: {plural(anchors.length, 'anchor', 'anchors')}</caption>
        <thead>
          <tr>
            <th scope="col">Id</th>
            <th scope="col">Title</th>
            <th scope="col">Tags</th>
            <th scope="col">Expected overall</th>
            <th scope="col">Version</th>
            <th scope="col">Fits the rubric</th>
          </tr>
        </thead>
        <tbody>
          {anchors.map((listing) => (
            <AnchorRow assignmentId={assignmentId} listing={listing} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
