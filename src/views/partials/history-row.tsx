import type { HistoryRow } from '../../db/queries/history.ts';
import type { StudentShown } from '../../evaluations/student-result.ts';
import type { I18n } from '../../i18n/index.ts';
import { isoDate } from '../format.ts';
import { CriterionCells } from './criterion-cells.tsx';

/** One of the writer's memos with its latest evaluation, as the history lists it (scores only as studentShown lets them through). */
export interface HistoryEntry extends Pick<HistoryRow, 'submissionId' | 'evaluationId' | 'createdAt' | 'status'>, StudentShown {
  scores: Record<string, number>;
  excerpt: string;
  isRevision: boolean;
}

export interface HistoryRowProps {
  entry: HistoryEntry;
  criteria: { id: string; name: string }[];
  i18n: I18n;
}

/** One memo: when (a link to its evaluation), its start, the overall score or status, each criterion. */
export function HistoryRow({ entry: e, criteria, i18n: { t, date } }: HistoryRowProps) {
  return (
    <tr>
      <th scope="row">
        <a href={`/evaluations/${e.evaluationId}`}>
          <time datetime={isoDate(e.createdAt)}>{date(e.createdAt)}</time>
        </a>
      </th>
      <td class="excerpt">
        {e.isRevision ? <span class="tag">{t('history.revision')}</span> : null} {e.excerpt}
      </td>
      <td class="num">{e.status !== 'done' ? t(`status.${e.status}`) : e.overall !== null ? `${e.overall.toFixed(1)} · ${e.band ?? ''}` : t('status.pendingReview')}</td>
      <CriterionCells criteria={criteria} scores={e.scores} />
    </tr>
  );
}
