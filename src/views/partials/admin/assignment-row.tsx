import type { AssignmentSummary } from '../../../db/queries/assignments.ts';

export interface AssignmentRowProps {
  assignment: AssignmentSummary;
}

/** A pinned config version in words: which version, or the one in force. */
export function pinLabel(version: number | null): string {
  if (version === null) return 'in force';
  return version === 0 ? 'v0 (shipped file)' : `v${version}`;
}

/** One row of /admin/assignments. */
export function AssignmentRow({ assignment: a }: AssignmentRowProps) {
  return (
    <tr id={`assignment-${a.id}`}>
      <th scope="row">
        <a href={`/admin/assignments/${a.id}`}>{a.title}</a>
      </th>
      <td>
        <code>{a.slug}</code>
      </td>
      <td>{a.release === 'review' ? 'After review' : 'Immediate'}</td>
      <td>{a.open ? 'Open' : <strong>Closed</strong>}</td>
      <td>
        Rubric {pinLabel(a.rubricVersion)}, prompt {pinLabel(a.promptVersion)}
      </td>
      <td>{a.ownerName ?? <span class="hint">none</span>}</td>
    </tr>
  );
}
