import type { I18n } from '../../i18n/index.ts';
import { CriterionHeaders } from './criterion-headers.tsx';
import { ProgressRow, type ProgressPoint } from './progress-row.tsx';

export interface ProgressTableProps {
  points: ProgressPoint[];
  criteria: { id: string; name: string }[];
  i18n: I18n;
}

/** The chart's text alternative: every point's scores, oldest first. */
export function ProgressTable({ points, criteria, i18n }: ProgressTableProps) {
  const { t } = i18n;
  return (
    <div class="table-wrap">
      <table class="data-table">
        <caption>{t('chart.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('chart.date')}</th>
            <th scope="col" class="num">{t('chart.overall')}</th>
            <CriterionHeaders criteria={criteria} />
          </tr>
        </thead>
        <tbody>
          {points.map((p) => (
            <ProgressRow point={p} criteria={criteria} i18n={i18n} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
