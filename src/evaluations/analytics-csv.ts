import { stringify } from 'csv-stringify/sync';
import type { AgreementRow, AssignmentAnalytics, MeanRow } from './assignment-analytics.ts';
import { neutraliseFormula } from './csv.ts';

type Cell = string | number | null;

/** Long format, one figure a line: what it is about (section, criterion, measure, level) and its value. */
const HEADER = ['section', 'criterion_id', 'criterion', 'measure', 'level', 'value'];

const line = (section: string, c: { id: string; name: string } | null, measure: string, value: number | null, level: number | null = null): Cell[] => [section, c?.id ?? '', c?.name ?? '', measure, level, value];

function agreementLines(r: AgreementRow): Cell[][] {
  const c = { id: r.criterionId ?? '', name: r.name };
  return [line('agreement', c, 'n', r.n), line('agreement', c, 'exact', r.exact), line('agreement', c, 'within_one', r.withinOne), line('agreement', c, 'mean_diff', r.meanDiff), line('agreement', c, 'quadratic_weighted_kappa', r.kappa)];
}

const meanLines = (section: string, measure: string, rows: MeanRow[]): Cell[][] => rows.flatMap((r) => [line(section, r, 'n', r.n), line(section, r, measure, r.mean)]);

function lines(a: AssignmentAnalytics): Cell[][] {
  const overall = { id: '', name: 'Overall' };
  return [
    ...Object.entries({ evaluations: a.counts.evaluations, reviewed: a.counts.reviewed, revision_pairs: a.counts.revisionPairs, unreadable: a.counts.unreadable, outdated: a.outdated.count, outdated_reviewed: a.outdated.reviewed }).map(([k, v]) => line('count', null, k, v)),
    ...[...a.agreement.criteria, a.agreement.pooled].flatMap(agreementLines),
    line('agreement', overall, 'overall_mean_diff', a.agreement.overallMeanDiff),
    ...a.distributions.flatMap((d) => d.counts.map((n, i) => line('distribution', d, 'count', n, a.scale.min + i))),
    line('average', overall, 'n', a.averages.overall.n),
    line('average', overall, 'mean', a.averages.overall.mean),
    ...meanLines('average', 'mean', a.averages.criteria),
    line('growth', overall, 'n', a.growth.pairs),
    line('growth', overall, 'mean_change', a.growth.overall),
    ...meanLines('growth', 'mean_change', a.growth.criteria),
    ...a.outdated.ids.map((id) => line('outdated', null, 'evaluation_id', id)),
  ];
}

/** Every figure of the analytics section as CSV (UTF-8 with a BOM); an undefined figure is an empty cell. */
export function analyticsCsv(a: AssignmentAnalytics): string {
  return stringify([HEADER, ...lines(a).map((cells) => cells.map(neutraliseFormula))], { bom: true });
}

/** assignment-<id>-analytics.csv */
export function analyticsCsvFilename(assignmentId: number): string {
  return `assignment-${assignmentId}-analytics.csv`;
}
