import { formatInt } from '../format.ts';

export interface SubmissionFormProps {
  text: string;
  maxChars: number;
  error?: string;
  /** The submission this one revises, if any. */
  parentId?: number;
}

/** The memo form. A plain multipart POST; htmx only swaps validation errors in place. */
export function SubmissionForm({ text, maxChars, error, parentId }: SubmissionFormProps) {
  const count = [...text].length;
  const describedBy = error ? 'text-error text-help' : 'text-help';
  return (
    <form
      id="submission-form"
      class="submission-form"
      method="post"
      action="/submissions"
      enctype="multipart/form-data"
      hx-post="/submissions"
      hx-target="this"
      hx-swap="outerHTML"
      hx-disable="find button"
    >
      {parentId ? <input type="hidden" name="parent" value={String(parentId)} /> : null}
      <label for="memo-text" class="field-label">
        Your memo
      </label>
      <p id="text-help" class="hint">
        Paste the full memo as plain text, up to {formatInt(maxChars)} characters.{' '}
        <span class="char-count" data-max={String(maxChars)} aria-hidden="true">
          {formatInt(count)} / {formatInt(maxChars)}
        </span>
      </p>
      {error ? (
        <p id="text-error" class="field-error">
          <strong>Error:</strong> {error}
        </p>
      ) : null}
      <textarea
        id="memo-text"
        name="text"
        rows={18}
        required
        spellcheck
        aria-describedby={describedBy}
        aria-invalid={error ? 'true' : undefined}
        autofocus={error ? true : undefined}
      >
        {/* HTML drops one newline right after <textarea>: add one so a memo's own first line survives. */}
        {'\n' + text}
      </textarea>
      <div class="form-actions">
        <button type="submit" class="button primary">
          Get feedback
        </button>
        <span class="htmx-indicator" aria-hidden="true">
          Sending…
        </span>
      </div>
    </form>
  );
}
