import type { PageContext } from '../../../http/page-context.ts';
import type { ReviewFormValues, ReviewPageModel } from '../../../reviews/reviews.ts';
import { formatDate } from '../../format.ts';
import { writerLabel } from '../../evaluation-labels.ts';
import { AdminPage } from '../../layouts/admin-page.tsx';
import { EvaluationResultSummary } from '../../partials/admin/evaluation-result-summary.tsx';
import { ReviewForm } from '../../partials/admin/review-form.tsx';
import { MemoText } from '../../partials/memo-text.tsx';

export interface ReviewPageProps {
  ctx: PageContext;
  model: ReviewPageModel;
  values: ReviewFormValues;
  errors: Record<string, string>;
}

/** GET /admin/reviews/:id: the memo and the AI's result beside the instructor's form. */
export function ReviewPage({ ctx, model, values, errors }: ReviewPageProps) {
  const { ev, ai, final } = model;
  return (
    <AdminPage title={`Review #${ev.id}`} ctx={ctx} section="/admin/reviews">
      <p>
        <a href="/admin/reviews">← Review queue</a> · <a href={`/admin/evaluations/${ev.id}`}>Evaluation details</a>
      </p>
      <h1>Review #{ev.id}</h1>
      <p>
        {ev.assignmentTitle ?? 'No assignment'} · {writerLabel(ev.username, ev.writerId)} · submitted {formatDate(ev.createdAt)} ·{' '}
        {ev.release === 'pending' ? 'held for review (the student sees no score)' : ev.release === 'released' ? `released ${model.releasedAt ? formatDate(model.releasedAt) : ''}` : 'shown to the student as the AI scored it'}
      </p>
      <div class="two-col">
        <section aria-label="The memo and the AI result">
          <EvaluationResultSummary result={ai} title="AI result (never changed)" />
          {final ? <EvaluationResultSummary result={final} title="Final result (released)" /> : null}
          <h2>Memo</h2>
          <MemoText memo={ev.memo} segments={ai.segments} i18n={ctx.i18n} />
        </section>
        <section aria-label="Your review">
          <h2>Your review</h2>
          <ReviewForm id={ev.id} ai={ai} values={values} errors={errors} />
        </section>
      </div>
    </AdminPage>
  );
}
