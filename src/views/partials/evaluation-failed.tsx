import { MemoText } from './memo-text.tsx';

export interface FailedProps {
  id: number;
  submissionId: number;
  memo: string;
  message: string;
}

/** Failure: a plain explanation, the memo kept, and a Try again button. */
export function EvaluationFailed({ id, submissionId, memo, message }: FailedProps) {
  return (
    <section id="evaluation-panel" class="panel failed" aria-labelledby="failed-title" data-announce="The evaluation could not be completed.">
      <h1 id="failed-title">We couldn't finish this evaluation</h1>
      <p class="notice error-notice">{message}</p>
      <p>Your memo is saved below. Nothing you wrote was lost.</p>
      <div class="form-actions">
        <form method="post" action={`/evaluations/${id}/retry`}>
          <button type="submit" class="button primary">
            Try again
          </button>
        </form>
        <a class="button" href={`/?revise=${submissionId}`}>
          Edit the memo
        </a>
      </div>
      <h2>Your memo</h2>
      <MemoText memo={memo} segments={[]} />
    </section>
  );
}
