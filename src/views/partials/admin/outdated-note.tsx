import type { AssignmentAnalytics } from '../../../evaluations/assignment-analytics.ts';
import { formatInt, plural } from '../../format.ts';

/** Which counted results were scored with another rubric than the current one (nothing when none were). */
export function OutdatedNote({ outdated, currentRubricHash }: Pick<AssignmentAnalytics, 'outdated' | 'currentRubricHash'>) {
  if (outdated.count === 0) return null;
  return (
    <div class="notice outdated-note" id="outdated-note">
      <p>
        <strong>{plural(outdated.count, 'result was', 'results were')}</strong> scored with an earlier rubric than the current one
        (<code>{currentRubricHash}</code>), {formatInt(outdated.reviewed)} of them reviewed. Their criteria are
        compared by id; a criterion the current rubric no longer has is left out.
      </p>
      <ul class="outdated-ids">
        {outdated.ids.map((id) => (
          <li>
            <a href={`/admin/evaluations/${id}`}>{`#${id}`}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}
