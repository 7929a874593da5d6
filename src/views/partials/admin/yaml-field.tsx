export interface YamlFieldProps {
  /** The textarea's id; its problems are `<id>-errors`, its hint `<id>-hint` (rendered by the form). */
  id: string;
  yaml: string;
  /** Problems with the YAML, each already worded with its line: "line 27, criteria: …". */
  errors: string[];
  rows: number;
}

/** A YAML textarea with its problems listed above it, linked to it by aria-describedby. */
export function YamlField({ id, yaml, errors, rows }: YamlFieldProps) {
  const describedBy = [`${id}-hint`, errors.length ? `${id}-errors` : ''].filter(Boolean).join(' ');
  return (
    <>
      {errors.length ? (
        <div id={`${id}-errors`} class="field-error" role="alert">
          <p>
            <strong>Error:</strong> {errors.length === 1 ? 'the YAML has a problem' : `the YAML has ${errors.length} problems`}, so it was not saved:
          </p>
          <ul>
            {errors.map((e) => (
              <li>{e}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <textarea id={id} name="yaml" class="code" rows={rows} spellcheck={false} autocapitalize="off" required aria-describedby={describedBy} aria-invalid={errors.length ? 'true' : undefined}>
        {/* HTML drops one newline right after <textarea>: add one so the first line survives. */}
        {'\n' + yaml}
      </textarea>
    </>
  );
}
