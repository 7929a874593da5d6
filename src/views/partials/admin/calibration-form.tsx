import { describedBy, FieldNotes } from '../field-notes.tsx';
import type { CalibrationFormState } from './calibration-form-state.ts';

export interface CalibrationFormProps {
  state: CalibrationFormState;
  assignments: { slug: string; title: string }[];
  /** Admins may name a config draft; instructors calibrate what is published. */
  drafts: boolean;
}

/** POST /admin/calibration: every anchor memo of an assignment, read `samples` times with one config. */
export function CalibrationForm({ state, assignments, drafts }: CalibrationFormProps) {
  const { values, errors } = state;
  return (
    <form method="post" action="/admin/calibration" class="stack-form" id="run-calibration">
      <label for="cal-assignment">Assignment</label>
      <FieldNotes id="cal-assignment" error={errors.assignment} />
      <select id="cal-assignment" name="assignment" aria-invalid={errors.assignment ? 'true' : undefined} aria-describedby={describedBy('cal-assignment', false, errors.assignment)}>
        {assignments.map((a) => (
          <option value={a.slug} selected={a.slug === values.assignment}>
            {a.title} ({a.slug})
          </option>
        ))}
      </select>
      <label for="cal-samples">Readings per anchor</label>
      <FieldNotes id="cal-samples" hint="1 to 20. Each reading is one evaluation and costs like one." error={errors.samples} />
      <input id="cal-samples" name="samples" type="number" min={1} max={20} required value={values.samples} aria-invalid={errors.samples ? 'true' : undefined} aria-describedby={describedBy('cal-samples', true, errors.samples)} />
      {drafts ? (
        <>
          <label for="cal-draft">Config draft (optional)</label>
          <FieldNotes id="cal-draft" hint="Written name:version, e.g. prompt:7. Leave empty to calibrate the published config." error={errors.draft} />
          <input id="cal-draft" name="draft" type="text" autocomplete="off" spellcheck={false} value={values.draft} aria-invalid={errors.draft ? 'true' : undefined} aria-describedby={describedBy('cal-draft', true, errors.draft)} />
        </>
      ) : null}
      <div class="checkbox-field">
        <input id="cal-batch" name="batch" type="checkbox" value="1" checked={values.batch} aria-describedby="cal-batch-hint" />
        <label for="cal-batch">Send through the Message Batches API</label>
        <p id="cal-batch-hint" class="hint">
          Half price; the readings come back together, within minutes to hours. Not available with the demo evaluator.
        </p>
      </div>
      <div class="form-actions">
        <button type="submit" class="button primary">
          Run calibration
        </button>
      </div>
    </form>
  );
}
