import type { I18n } from '../../i18n/index.ts';
import type { EvaluationResult } from '../../llm/evaluate.ts';
import { isoDate } from '../format.ts';

export interface OverallScoreProps {
  result: EvaluationResult;
  finishedAt: number;
  i18n: I18n;
}

/** The overall score out of the scale's maximum, its band, and when and against which rubric it was scored. */
export function OverallScore({ result, finishedAt, i18n }: OverallScoreProps) {
  const { t } = i18n;
  return (
    <div class="overall">
      <p class="overall-score">
        <span class="overall-number">{result.overall.toFixed(1)}</span>
        <span class="overall-max"> / {result.scale.max}</span>
      </p>
      <p class="overall-band">{result.band}</p>
      <p class="hint">
        {t('result.overallExplain')} {t('result.evaluated')} <time datetime={isoDate(finishedAt)}>{i18n.date(finishedAt)}</time> {t('result.against')}{' '}
        <a href="/rubric">{result.rubricName}</a>.
      </p>
    </div>
  );
}
