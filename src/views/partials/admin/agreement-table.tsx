import type { AssignmentAnalytics } from '../../../evaluations/assignment-analytics.ts';
import { formatSigned } from '../../format.ts';
import { AgreementRow } from './agreement-row.tsx';

export interface AgreementTableProps {
  agreement: AssignmentAnalytics['agreement'];
}

/** AI vs released scores per criterion, then all criteria pooled; "–" where a figure is undefined. */
export function AgreementTable({ agreement }: AgreementTableProps) {
  return (
    <div class="table-wrap">
      <table class="data-table" id="agreement-table">
        <caption>
          Agreement between the AI's scores and the released scores · overall score, mean difference (final − AI):{' '}
          <span class="overall-mean-diff">{formatSigned(agreement.overallMeanDiff)}</span>
        </caption>
        <thead>
          <tr>
            <th scope="col">Criterion</th>
            <th scope="col" class="num">Pairs</th>
            <th scope="col" class="num">Exact</th>
            <th scope="col" class="num">Within one point</th>
            <th scope="col" class="num">Mean difference (final − AI)</th>
            <th scope="col" class="num">Quadratic weighted kappa</th>
          </tr>
        </thead>
        <tbody>
          {agreement.criteria.map((row) => (
            <AgreementRow row={row} />
          ))}
          <AgreementRow row={agreement.pooled} />
        </tbody>
      </table>
    </div>
  );
}
