import { arrivedCount, type PartialCriteria } from '../evaluations/partial.ts';
import type { I18n } from '../i18n/index.ts';

const TITLES = { pending: 'pending.title', done: 'result.title', review: 'review.title', failed: 'failed.title' } as const;

/** The evaluation page's title for its state: "Evaluating… (3 of 6)" while criteria stream in. */
export function evaluationTitle(state: keyof typeof TITLES, partial: PartialCriteria | undefined, i18n: I18n): string {
  if (state === 'pending' && partial) {
    return i18n.t('pending.titleProgress', { done: arrivedCount(partial), total: partial.criteria.length });
  }
  return i18n.t(TITLES[state]);
}
