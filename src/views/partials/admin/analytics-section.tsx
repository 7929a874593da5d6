import type { AssignmentAnalytics } from '../../../evaluations/assignment-analytics.ts';
import { formatInt } from '../../format.ts';
import { AgreementTable } from './agreement-table.tsx';
import { CriterionMeansTable } from './criterion-means-table.tsx';
import { OutdatedNote } from './outdated-note.tsx';
import { ScoreDistributionChart } from './score-distribution-chart.tsx';

export interface AnalyticsSectionProps {
  analytics: AssignmentAnalytics;
}

/** Agreement and class analytics of one assignment: self-contained, for its own page or the assignment page. */
export function AnalyticsSection({ analytics: a }: AnalyticsSectionProps) {
  const overall = { id: '', name: 'Overall' };
  return (
    <section class="analytics" aria-labelledby="analytics-heading">
      <h2 id="analytics-heading">Agreement and class analytics</h2>
      <p class="hint analytics-counts">
        {formatInt(a.counts.evaluations)} results shown to students · {formatInt(a.counts.reviewed)} released reviews ·{' '}
        {formatInt(a.counts.revisionPairs)} revision pairs{a.counts.unreadable > 0 ? ` · ${formatInt(a.counts.unreadable)} unreadable results left out` : ''} ·{' '}
        <a href={`/admin/assignments/${a.assignmentId}/analytics.csv`}>Download CSV</a>
      </p>
      {a.rubricProblem ? (
        <p class="notice error-notice">
          Measured against the rubric in force: {a.rubricProblem}.
        </p>
      ) : null}
      <OutdatedNote outdated={a.outdated} currentRubricHash={a.currentRubricHash} />
      <h3>AI–instructor agreement</h3>
      <p class="hint">Over released reviews: the AI's score against the score the student received, per criterion.</p>
      <AgreementTable agreement={a.agreement} />
      <h3>Score distribution</h3>
      <ScoreDistributionChart rows={a.distributions} scale={a.scale} />
      <h3>Averages</h3>
      <CriterionMeansTable id="averages-table" caption="Average scores (as released to students)" countLabel="Results" meanLabel="Mean" rows={[{ ...overall, ...a.averages.overall }, ...a.averages.criteria]} />
      <h3>Growth across revisions</h3>
      <CriterionMeansTable id="growth-table" caption="Mean change from a memo's result to its revision's" countLabel="Revision pairs" meanLabel="Mean change" rows={[{ ...overall, n: a.growth.pairs, mean: a.growth.overall }, ...a.growth.criteria]} signed />
    </section>
  );
}
