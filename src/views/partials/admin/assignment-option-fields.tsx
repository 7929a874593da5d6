import { describedBy, FieldNotes } from '../field-notes.tsx';
import type { AssignmentFormState } from './assignment-form-state.ts';
import { VersionSelect, type VersionOption } from './version-select.tsx';

export interface AssignmentOptionFieldsProps {
  state: AssignmentFormState;
  versions: { rubric: VersionOption[]; prompt: VersionOption[] };
}

/** Release mode, open for new memos, and the pinned rubric and prompt versions. */
export function AssignmentOptionFields({ state: { values, errors }, versions }: AssignmentOptionFieldsProps) {
  return (
    <>
      <label for="assignment-release">Results reach students</label>
      <FieldNotes id="assignment-release" error={errors.release} />
      <select id="assignment-release" name="release" aria-invalid={errors.release ? 'true' : undefined} aria-describedby={describedBy('assignment-release', false, errors.release)}>
        <option value="immediate" selected={values.release !== 'review'}>
          Immediately, as the evaluator gives them
        </option>
        <option value="review" selected={values.release === 'review'}>
          After an instructor reviews and releases them
        </option>
      </select>
      <div class="checkbox-field">
        <input id="assignment-open" name="open" type="checkbox" value="on" checked={values.open} />
        <label for="assignment-open">Open for new memos</label>
      </div>
      <VersionSelect id="assignment-rubric-version" name="rubric_version" label="Rubric version" options={versions.rubric} value={values.rubric_version} error={errors.rubric_version} />
      <VersionSelect id="assignment-prompt-version" name="prompt_version" label="Prompt version" options={versions.prompt} value={values.prompt_version} error={errors.prompt_version} />
    </>
  );
}
