import type { I18n } from '../../i18n/index.ts';
import { isoDate } from '../format.ts';
import { MemoText } from './memo-text.tsx';

export interface AwaitingReviewProps {
  id: number;
  submissionId: number;
  memo: string;
  finishedAt: number;
  i18n: I18n;
}

/** Evaluated, but held for the instructor's review: the memo, and no score of any kind. */
export function EvaluationAwaitingReview({ memo, finishedAt, i18n }: AwaitingReviewProps) {
  const { t } = i18n;
  return (
    <section id="evaluation-panel" class="panel awaiting-review" aria-labelledby="review-wait-title" data-announce={t('review.heading')}>
      <h1 id="review-wait-title">{t('review.heading')}</h1>
      <p class="lead">{t('review.text')}</p>
      <p class="hint">
        {t('result.evaluated')} <time datetime={isoDate(finishedAt)}>{i18n.date(finishedAt)}</time>
      </p>
      <h2>{t('review.memoHeading')}</h2>
      <MemoText memo={memo} segments={[]} i18n={i18n} />
    </section>
  );
}
