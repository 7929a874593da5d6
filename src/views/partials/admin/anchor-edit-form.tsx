import { describedBy, FieldNotes } from '../field-notes.tsx';
import { YamlField } from './yaml-field.tsx';

export interface AnchorEditFormProps {
  action: string;
  yaml: string;
  note: string;
  /** Problems with the YAML, each already worded with its line: "line 7, expected.overall: …". */
  yamlErrors: string[];
  noteError?: string;
}

/** The anchor's YAML and a required note; every problem is listed above the text, linked to it. */
export function AnchorEditForm(p: AnchorEditFormProps) {
  return (
    <form method="post" action={p.action} class="stack-form config-form">
      <label for="anchor-yaml">Anchor memo (YAML)</label>
      <p id="anchor-yaml-hint" class="hint">
        Fields: id, title, tags, memo, and expected ranges [min, max] for overall and for any criterion of this assignment's rubric. Problems are listed with their line numbers.
      </p>
      <YamlField id="anchor-yaml" yaml={p.yaml} errors={p.yamlErrors} rows={28} />
      <label for="anchor-note">What changed and why</label>
      <FieldNotes id="anchor-note" hint="Required, up to 200 characters. Shown in the version history and the audit log." error={p.noteError} />
      <input id="anchor-note" name="note" type="text" required maxlength={200} value={p.note} aria-invalid={p.noteError ? 'true' : undefined} aria-describedby={describedBy('anchor-note', true, p.noteError)} />
      <div class="form-actions">
        <button type="submit" class="button primary">
          Save as a new version
        </button>
      </div>
    </form>
  );
}
