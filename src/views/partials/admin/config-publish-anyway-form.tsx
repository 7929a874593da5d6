export interface ConfigPublishAnywayFormProps {
  action: string;
  note: string;
  error?: string;
  maxNote: number;
}

/** POST …/publish with an override note: publishes although the gate refused, and the audit log keeps the note. */
export function ConfigPublishAnywayForm(p: ConfigPublishAnywayFormProps) {
  return (
    <form method="post" action={p.action} class="stack-form">
      <input type="hidden" name="override" value="1" />
      <label for="override-note">Why publish anyway</label>
      <p id="override-note-hint" class="hint">
        Required, up to {p.maxNote} characters. Kept in the audit log with both hit rates.
      </p>
      {p.error ? (
        <p id="override-note-error" class="field-error">
          <strong>Error:</strong> {p.error}
        </p>
      ) : null}
      <textarea
        id="override-note"
        name="override_note"
        rows={3}
        required
        maxlength={p.maxNote}
        aria-invalid={p.error ? 'true' : undefined}
        aria-describedby={p.error ? 'override-note-hint override-note-error' : 'override-note-hint'}
      >
        {p.note}
      </textarea>
      <div class="form-actions">
        <button type="submit" class="button">
          Publish anyway
        </button>
      </div>
    </form>
  );
}
