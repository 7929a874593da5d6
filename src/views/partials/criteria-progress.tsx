import { arrivedCount, type PartialCriteria } from '../../evaluations/partial.ts';
import type { I18n } from '../../i18n/index.ts';
import { ScoreBar } from './score-bar.tsx';

export interface CriteriaProgressProps {
  partial: PartialCriteria;
  i18n: I18n;
}

/** While an evaluation runs: the criteria scored so far, each with its justification; the rest as placeholders. */
export function CriteriaProgress({ partial, i18n: { t } }: CriteriaProgressProps) {
  const { min, max } = partial.scale;
  const done = arrivedCount(partial);
  return (
    <section class="criteria-progress" aria-labelledby="criteria-progress-title">
      <h2 id="criteria-progress-title">{t('pending.criteriaHeading')}</h2>
      <p class="status-line">{t('pending.criteriaDone', { done, total: partial.criteria.length })}</p>
      <ol class="criteria">
        {partial.criteria.map((c) =>
          c.score !== undefined ? (
            <li class="criterion" id={`criterion-${c.id}`}>
              <h3>{c.name}</h3>
              <p class="criterion-score">
                <strong>
                  {c.score} / {max}
                </strong>
              </p>
              <ScoreBar score={c.score} min={min} max={max} />
              <p>{c.justification}</p>
            </li>
          ) : (
            <li class="criterion placeholder" id={`criterion-${c.id}`}>
              <h3>{c.name}</h3>
              <p class="hint">{t('pending.criterionWaiting')}</p>
            </li>
          ),
        )}
      </ol>
    </section>
  );
}
