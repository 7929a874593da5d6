export interface AnchorRemoveFormProps {
  base: string;
  anchorId: string;
}

/** Removes an anchor from this assignment's calibrations (a new version without text; restorable). */
export function AnchorRemoveForm({ base, anchorId }: AnchorRemoveFormProps) {
  return (
    <section aria-labelledby="remove-anchor-heading">
      <h2 id="remove-anchor-heading">Remove</h2>
      <form method="post" action={`${base}/remove`} class="stack-form">
        <label for="remove-note">Why remove it (optional)</label>
        <input id="remove-note" name="note" type="text" maxlength={200} />
        <div class="form-actions">
          <button type="submit" class="button">
            Remove {anchorId}
          </button>
        </div>
      </form>
    </section>
  );
}
