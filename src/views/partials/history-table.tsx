import type { I18n } from '../../i18n/index.ts';
import { CriterionHeaders } from './criterion-headers.tsx';
import { HistoryRow, type HistoryEntry } from './history-row.tsx';

export interface HistoryTableProps {
  entries: HistoryEntry[];
  criteria: { id: string; name: string }[];
  i18n: I18n;
}

/** The writer's memos, newest first, with the overall score and a column per criterion. */
export function HistoryTable({ entries, criteria, i18n }: HistoryTableProps) {
  const { t } = i18n;
  return (
    <div class="table-wrap">
      <table class="data-table">
        <caption>{t('history.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('history.submitted')}</th>
            <th scope="col">{t('history.memo')}</th>
            <th scope="col" class="num">{t('history.overall')}</th>
            <CriterionHeaders criteria={criteria} />
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <HistoryRow entry={e} criteria={criteria} i18n={i18n} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
