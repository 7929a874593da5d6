import { describedBy, FieldNotes } from '../field-notes.tsx';

export interface CoTeachersProps {
  assignmentId: number;
  ownerName: string | null;
  coTeachers: { id: string; username: string | null }[];
  /** The username typed into the add form, and why it was refused. */
  add: { username: string; error?: string };
}

/** Who runs an assignment besides its owner: remove forms, then an add-by-username form. */
export function CoTeachers({ assignmentId, ownerName, coTeachers, add }: CoTeachersProps) {
  const base = `/admin/assignments/${assignmentId}/instructors`;
  return (
    <section aria-labelledby="co-teachers-heading" id="co-teachers">
      <h2 id="co-teachers-heading">Co-teachers</h2>
      <p class="hint">Owner: {ownerName ?? 'none'}. Co-teachers see and review this assignment's memos like its owner.</p>
      {coTeachers.length ? (
        <ul class="co-teachers">
          {coTeachers.map((u) => (
            <li>
              {u.username}{' '}
              <form method="post" action={`${base}/${u.id}/remove`} class="inline-form">
                <button type="submit" class="link-button">
                  Remove {u.username}
                </button>
              </form>
            </li>
          ))}
        </ul>
      ) : (
        <p>No co-teachers yet.</p>
      )}
      <form method="post" action={base} class="stack-form" id="add-co-teacher">
        <label for="co-teacher-username">Add a co-teacher (username of an instructor or administrator)</label>
        <FieldNotes id="co-teacher-username" error={add.error} />
        <input id="co-teacher-username" name="username" type="text" required autocomplete="off" spellcheck={false} value={add.username} aria-invalid={add.error ? 'true' : undefined} aria-describedby={describedBy('co-teacher-username', false, add.error)} />
        <div class="form-actions">
          <button type="submit" class="button">
            Add co-teacher
          </button>
        </div>
      </form>
    </section>
  );
}
