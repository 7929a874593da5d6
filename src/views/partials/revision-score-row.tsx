import type { I18n } from '../../i18n/index.ts';
import type { RevisionComparison } from '../../evaluations/revisions.ts';
import { ScoreDelta } from './score-delta.tsx';

export interface RevisionScoreRowProps {
  criterion: RevisionComparison['criteria'][number];
  i18n: I18n;
}

/** One criterion's score before and now, and the change. */
export function RevisionScoreRow({ criterion: x, i18n }: RevisionScoreRowProps) {
  return (
    <tr>
      <th scope="row">{x.name}</th>
      <td class="num">{x.before ?? '–'}</td>
      <td class="num">{x.after}</td>
      <td>
        <ScoreDelta delta={x.delta} decimals={0} i18n={i18n} />
      </td>
    </tr>
  );
}
