import type { I18n } from '../../i18n/index.ts';
import type { RevisionComparison } from '../../evaluations/revisions.ts';
import { RevisionScoreRow } from './revision-score-row.tsx';

export interface RevisionScoresTableProps {
  criteria: RevisionComparison['criteria'];
  i18n: I18n;
}

/** Each criterion's score in the previous version and this one. */
export function RevisionScoresTable({ criteria, i18n }: RevisionScoresTableProps) {
  const { t } = i18n;
  return (
    <div class="table-wrap">
      <table class="data-table">
        <caption>{t('rev.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('rev.criterion')}</th>
            <th scope="col" class="num">{t('rev.before')}</th>
            <th scope="col" class="num">{t('rev.now')}</th>
            <th scope="col">{t('rev.change')}</th>
          </tr>
        </thead>
        <tbody>
          {criteria.map((x) => (
            <RevisionScoreRow criterion={x} i18n={i18n} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
