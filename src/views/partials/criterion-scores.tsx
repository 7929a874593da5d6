import type { I18n } from '../../i18n/index.ts';
import type { EvaluationResult } from '../../llm/evaluate.ts';
import { ScoreBar } from './score-bar.tsx';

export interface CriterionScoresProps {
  result: EvaluationResult;
  i18n: I18n;
}

/** Each criterion: its score and level label, its weight, a score bar and the justification. */
export function CriterionScores({ result, i18n: { t } }: CriterionScoresProps) {
  const { min, max } = result.scale;
  return (
    <ol class="criteria">
      {result.criteria.map((c) => (
        <li class="criterion">
          <h3>{c.name}</h3>
          <p class="criterion-score">
            <strong>
              {c.score} / {max}
            </strong>{' '}
            <span class="label">{result.scale.labels[String(c.score)]}</span> <span class="weight">· {t('result.weight', { weight: c.weight })}</span>
          </p>
          <ScoreBar score={c.score} min={min} max={max} />
          <p>{c.justification}</p>
          {c.instructorComment !== undefined ? (
            <p class="instructor-comment">
              <strong>{t('result.instructorComment')}</strong>
              {c.instructorComment ? `: ${c.instructorComment}` : ''}
            </p>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
