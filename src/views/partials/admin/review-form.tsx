import type { EvaluationResult } from '../../../llm/evaluate.ts';
import type { ReviewFormValues } from '../../../reviews/reviews.ts';
import { ReviewCriterionField } from './review-criterion-field.tsx';

export interface ReviewFormProps {
  id: number;
  ai: EvaluationResult;
  values: ReviewFormValues;
  errors: Record<string, string>;
}

/** The review form: a score and comment per criterion, a note, and Save (kept from the student) or Release. */
export function ReviewForm({ id, ai, values, errors }: ReviewFormProps) {
  return (
    <form method="post" action={`/admin/reviews/${id}`} class="review-form">
      {Object.keys(errors).length ? <p class="notice error-notice">Error: the review was not saved. Fix the fields marked below.</p> : null}
      {ai.criteria.map((c) => (
        <ReviewCriterionField criterion={c} scale={ai.scale} score={values.scores[c.id] ?? ''} comment={values.comments[c.id] ?? ''} errors={errors} />
      ))}
      <label for="review-note">Note to the student (shown with the released result)</label>
      {errors.note ? (
        <p id="note-error" class="field-error">
          Error: {errors.note}
        </p>
      ) : null}
      <textarea id="review-note" name="note" rows={4} aria-invalid={errors.note ? 'true' : undefined}>
        {values.note}
      </textarea>
      {errors.action ? <p class="field-error">Error: {errors.action}</p> : null}
      <div class="form-actions">
        <button type="submit" name="action" value="save" class="button">
          Save (the student does not see it yet)
        </button>
        <button type="submit" name="action" value="release" class="button primary">
          Release to the student
        </button>
      </div>
    </form>
  );
}
