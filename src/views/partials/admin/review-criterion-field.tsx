import type { EvaluationResult } from '../../../llm/evaluate.ts';

export interface ReviewCriterionFieldProps {
  criterion: EvaluationResult['criteria'][number];
  scale: EvaluationResult['scale'];
  score: string;
  comment: string;
  errors: Record<string, string>;
}

/** One criterion on the review form: the AI's score and why, the instructor's score on the scale, and a comment to the student. */
export function ReviewCriterionField({ criterion: c, scale, score, comment, errors }: ReviewCriterionFieldProps) {
  const scoreId = `score_${c.id}`;
  const commentId = `comment_${c.id}`;
  const steps = Array.from({ length: scale.max - scale.min + 1 }, (_, i) => scale.min + i);
  return (
    <fieldset class="review-criterion">
      <legend>
        {c.name} <span class="hint">(weight {c.weight}, AI score {c.score})</span>
      </legend>
      <p class="hint">{c.justification}</p>
      <label for={scoreId}>Score</label>
      {errors[scoreId] ? (
        <p id={`${scoreId}-error`} class="field-error">
          Error: {errors[scoreId]}
        </p>
      ) : null}
      <select id={scoreId} name={scoreId} aria-invalid={errors[scoreId] ? 'true' : undefined} aria-describedby={errors[scoreId] ? `${scoreId}-error` : undefined}>
        {steps.includes(Number(score)) || score === '' ? null : <option value={score} selected>{score}</option>}
        {steps.map((n) => (
          <option value={String(n)} selected={String(n) === score}>
            {n}
            {scale.labels[String(n)] ? ` · ${scale.labels[String(n)]}` : ''}
            {n === c.score ? ' (AI)' : ''}
          </option>
        ))}
      </select>
      <label for={commentId}>Comment to the student (optional)</label>
      {errors[commentId] ? (
        <p id={`${commentId}-error`} class="field-error">
          Error: {errors[commentId]}
        </p>
      ) : null}
      <textarea id={commentId} name={commentId} rows={2} aria-invalid={errors[commentId] ? 'true' : undefined}>
        {comment}
      </textarea>
    </fieldset>
  );
}
