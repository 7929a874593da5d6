import type { I18n } from '../../i18n/index.ts';

export interface SubmissionFormProps {
  text: string;
  maxChars: number;
  error?: string;
  /** The submission this one revises, if any. */
  parentId?: number;
  /** The assignment's slug, posted back (absent: the default assignment). */
  assignmentSlug?: string;
  i18n: I18n;
}

/** The memo form. A plain multipart POST; htmx only swaps validation errors in place. */
export function SubmissionForm({ text, maxChars, error, parentId, assignmentSlug, i18n }: SubmissionFormProps) {
  const { t, int } = i18n;
  const count = [...text].length;
  const describedBy = error ? 'text-error text-help' : 'text-help';
  return (
    <form
      id="submission-form"
      class="submission-form"
      method="post"
      action="/submissions"
      enctype="multipart/form-data"
      data-hx-post="/submissions"
      data-hx-target="this"
      data-hx-swap="outerHTML"
      data-hx-disable="find button"
    >
      {assignmentSlug ? <input type="hidden" name="assignment" value={assignmentSlug} /> : null}
      {parentId ? <input type="hidden" name="parent" value={String(parentId)} /> : null}
      <label for="memo-text" class="field-label">
        {t('form.label')}
      </label>
      <p id="text-help" class="hint">
        {t('form.help', { max: int(maxChars) })}{' '}
        <span class="char-count" data-max={String(maxChars)} aria-hidden="true">
          {int(count)} / {int(maxChars)}
        </span>
      </p>
      {error ? (
        <p id="text-error" class="field-error">
          <strong>{t('error.prefix')}</strong> {error}
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
          {t('form.submit')}
        </button>
        <span class="htmx-indicator" aria-hidden="true">
          {t('form.sending')}
        </span>
      </div>
    </form>
  );
}
