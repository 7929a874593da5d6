import type { RemovedAnchor } from '../../../calibration/anchor-edits.ts';

export interface AnchorRemovedListProps {
  assignmentId: number;
  removed: RemovedAnchor[];
}

/** Anchors removed from an assignment, each with a restore button (its last text becomes a new version). */
export function AnchorRemovedList({ assignmentId, removed }: AnchorRemovedListProps) {
  if (!removed.length) return null;
  return (
    <section aria-labelledby="removed-anchors-heading">
      <h2 id="removed-anchors-heading">Removed anchors</h2>
      <p class="hint">Calibration runs leave these out. Restoring saves the last text again as a new version.</p>
      <ul>
        {removed.map((r) => (
          <li>
            <a href={`/admin/assignments/${assignmentId}/anchors/${r.id}`}>{r.id}</a> ({r.title}), removed in v{r.removedAt}{' '}
            <form method="post" action={`/admin/assignments/${assignmentId}/anchors/${r.id}/restore`} class="inline-form">
              <button type="submit" class="link-button">
                Restore {r.id}
              </button>
            </form>
          </li>
        ))}
      </ul>
    </section>
  );
}
