import type { ConfigName } from '../../../config/schemas.ts';
import { versionLabel } from '../../config-labels.ts';

export interface ConfigRollbackFormProps {
  name: ConfigName;
  version: number;
  /** Show the optional note field (the version page does; the history table keeps rows short). */
  withNote?: boolean;
  note?: string;
  error?: string;
}

/** POST …/versions/:version/rollback: makes that version's text the newest version again. */
export function ConfigRollbackForm({ name, version, withNote, note, error }: ConfigRollbackFormProps) {
  const action = `/admin/config/${name}/versions/${version}/rollback`;
  const label = `Roll back ${name}.yaml to ${versionLabel(version)}`;
  if (!withNote) {
    return (
      <form method="post" action={action} class="inline-form">
        <button type="submit" class="link-button">
          {label}
        </button>
      </form>
    );
  }
  return (
    <form method="post" action={action} class="stack-form">
      <label for="rollback-note">Why roll back (optional)</label>
      <p id="rollback-note-hint" class="hint">
        Up to 200 characters. The history note starts with “Rollback to {versionLabel(version)}”.
      </p>
      {error ? (
        <p id="rollback-note-error" class="field-error">
          <strong>Error:</strong> {error}
        </p>
      ) : null}
      <input
        id="rollback-note"
        name="note"
        type="text"
        maxlength={200}
        value={note ?? ''}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={error ? 'rollback-note-hint rollback-note-error' : 'rollback-note-hint'}
      />
      <div class="form-actions">
        <button type="submit" class="button">
          {label}
        </button>
      </div>
    </form>
  );
}
