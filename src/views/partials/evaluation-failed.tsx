import type { I18n } from '../../i18n/index.ts';
import { MemoText } from './memo-text.tsx';

export interface FailedProps {
  id: number;
  submissionId: number;
  memo: string;
  message: string;
  i18n: I18n;
}

/** Failure: a plain explanation, the memo kept, and a Try again button. */
export function EvaluationFailed({ id, submissionId, memo, message, i18n }: FailedProps) {
  const { t } = i18n;
  return (
    <section id="evaluation-panel" class="panel failed" aria-labelledby="failed-title" data-announce={t('failed.announce')}>
      <h1 id="failed-title">{t('failed.heading')}</h1>
      <p class="notice error-notice">{message}</p>
      <p>{t('failed.saved')}</p>
      <div class="form-actions">
        <form method="post" action={`/evaluations/${id}/retry`}>
          <button type="submit" class="button primary">
            {t('failed.retry')}
          </button>
        </form>
        <a class="button" href={`/?revise=${submissionId}`}>
          {t('failed.edit')}
        </a>
      </div>
      <h2>{t('failed.memo')}</h2>
      <MemoText memo={memo} segments={[]} i18n={i18n} />
    </section>
  );
}
