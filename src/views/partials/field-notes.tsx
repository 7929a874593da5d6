/** The ids a field's aria-describedby should name: its hint and its error, when shown. */
export function describedBy(id: string, hint: unknown, error: unknown): string | undefined {
  return [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
}

export interface FieldNotesProps {
  id: string;
  hint?: string;
  error?: string;
}

/** A field's hint and error paragraphs, with the ids `describedBy` points to. */
export function FieldNotes({ id, hint, error }: FieldNotesProps) {
  return (
    <>
      {hint ? (
        <p id={`${id}-hint`} class="hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} class="field-error">
          <strong>Error:</strong> {error}
        </p>
      ) : null}
    </>
  );
}
