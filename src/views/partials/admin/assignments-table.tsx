import type { AssignmentSummary } from '../../../db/queries/assignments.ts';
import { AssignmentRow } from './assignment-row.tsx';

/** The assignments a staff member runs (every one for an admin). */
export function AssignmentsTable({ assignments }: { assignments: AssignmentSummary[] }) {
  return (
    <div class="table-wrap">
      <table class="data-table assignments-table">
        <caption>Assignments ({assignments.length})</caption>
        <thead>
          <tr>
            <th scope="col">Title</th>
            <th scope="col">Slug</th>
            <th scope="col">Results</th>
            <th scope="col">New memos</th>
            <th scope="col">Pinned versions</th>
            <th scope="col">Owner</th>
          </tr>
        </thead>
        <tbody>
          {assignments.map((a) => (
            <AssignmentRow assignment={a} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
