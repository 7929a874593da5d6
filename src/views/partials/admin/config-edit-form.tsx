import type { ConfigName } from '../../../config/schemas.ts';
import { YamlField } from './yaml-field.tsx';

export interface ConfigEditFormProps {
  name: ConfigName;
  yaml: string;
  note: string;
  /** Problems with the YAML, each already worded with its line: "line 27, criteria: …". */
  yamlErrors: string[];
  noteError?: string;
  /** "Save as draft" (rubric, prompt, llm) or "Save as a new version" (auth). */
  submitLabel: string;
}

/** POST /admin/config/:name: the YAML and a required note; every problem is listed above the text. */
export function ConfigEditForm(p: ConfigEditFormProps) {
  const file = `${p.name}.yaml`;
  return (
    <form method="post" action={`/admin/config/${p.name}`} class="stack-form config-form">
      <label for="yaml">{file}</label>
      <p id="yaml-hint" class="hint">
        YAML, checked like at start-up: syntax, every field and rule (for the rubric, weights summing to 100 and unique ids). Problems are listed with their line numbers.
      </p>
      <YamlField id="yaml" yaml={p.yaml} errors={p.yamlErrors} rows={30} />
      <label for="note">What changed and why</label>
      <p id="note-hint" class="hint">
        Required, up to 200 characters. Shown in the version history and the audit log.
      </p>
      {p.noteError ? (
        <p id="note-error" class="field-error">
          <strong>Error:</strong> {p.noteError}
        </p>
      ) : null}
      <input
        id="note"
        name="note"
        type="text"
        required
        maxlength={200}
        value={p.note}
        aria-invalid={p.noteError ? 'true' : undefined}
        aria-describedby={p.noteError ? 'note-hint note-error' : 'note-hint'}
      />
      <div class="form-actions">
        <button type="submit" class="button primary">
          {p.submitLabel}
        </button>{' '}
        <a href="/admin/config">Cancel</a>
      </div>
    </form>
  );
}
