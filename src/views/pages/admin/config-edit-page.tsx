import type { ConfigName } from '../../../config/schemas.ts';
import type { PageContext } from '../../../http/page-context.ts';
import { AdminPage } from '../../layouts/admin-page.tsx';
import { CONFIG_LABELS, versionLabel } from '../../config-labels.ts';

export interface ConfigEditProps {
  ctx: PageContext;
  name: ConfigName;
  yaml: string;
  note: string;
  inForce: number;
  hash: string;
  /** Problems with the YAML, each already worded with its line: "line 27, criteria: …". */
  yamlErrors: string[];
  noteError?: string;
}

/** GET /admin/config/:name: edit one config as YAML; it is validated before it is saved. */
export function ConfigEditPage(p: ConfigEditProps) {
  const file = `${p.name}.yaml`;
  const failed = p.yamlErrors.length > 0 || !!p.noteError;
  const yamlDescribedBy = ['yaml-hint', p.yamlErrors.length ? 'yaml-errors' : ''].filter(Boolean).join(' ');
  return (
    <AdminPage title={`${failed ? 'Error: ' : ''}Edit ${file}`} ctx={p.ctx} section="/admin/config">
      <h1>Edit {file}</h1>
      <p>{CONFIG_LABELS[p.name].holds}</p>
      <p>
        In force: {versionLabel(p.inForce)} (hash <code>{p.hash}</code>). Saving stores a new version and the next evaluation uses it; nothing is saved while any problem remains.
      </p>
      <form method="post" action={`/admin/config/${p.name}`} class="stack-form config-form">
        <label for="yaml">{file}</label>
        <p id="yaml-hint" class="hint">
          YAML, checked like at start-up: syntax, every field and rule (for the rubric, weights summing to 100 and unique ids). Problems are listed with their line numbers.
        </p>
        {p.yamlErrors.length ? (
          <div id="yaml-errors" class="field-error" role="alert">
            <p>
              <strong>Error:</strong> {p.yamlErrors.length === 1 ? 'the YAML has a problem' : `the YAML has ${p.yamlErrors.length} problems`}, so it was not saved:
            </p>
            <ul>
              {p.yamlErrors.map((e) => (
                <li>{e}</li>
              ))}
            </ul>
          </div>
        ) : null}
        <textarea id="yaml" name="yaml" class="code" rows={30} spellcheck={false} autocapitalize="off" required aria-describedby={yamlDescribedBy} aria-invalid={p.yamlErrors.length ? 'true' : undefined}>
          {/* HTML drops one newline right after <textarea>: add one so the first line survives. */}
          {'\n' + p.yaml}
        </textarea>
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
            Save as a new version
          </button>{' '}
          <a href="/admin/config">Cancel</a>
        </div>
      </form>
    </AdminPage>
  );
}
