import { stringify } from 'csv-stringify/sync';
import { neutraliseFormula } from '../evaluations/csv.ts';
import { isoDate } from '../views/format.ts';
import type { RunView } from './run-view.ts';

const HEADER = ['anchor', 'tags', 'criterion', 'readings', 'median', 'min', 'max', 'in_range', 'distance', 'range', 'sd'];

/** One CSV row per anchor × criterion (and overall): the figures the run page shows. */
export function calibrationCsv(view: RunView): string {
  const rows = (view.report?.anchors ?? []).flatMap((a) =>
    a.checks.map((c) => [a.id, a.tags.join(' '), c.key, c.scores.join(' '), c.median, c.spread?.min ?? null, c.spread?.max ?? null, c.inRange === null ? '' : c.inRange ? 'yes' : 'no', c.distance, c.spread?.range ?? null, c.spread?.sd ?? null].map(neutraliseFormula)),
  );
  return stringify([HEADER, ...rows]);
}

/** The run as JSON: its config, progress, the full report and the failed readings. */
export function calibrationJson(view: RunView) {
  const { run, snapshot, report } = view;
  return {
    id: run.id,
    status: run.status,
    error: run.error,
    assignment: view.assignment,
    samples: run.samples,
    mode: run.mode,
    readingsDone: run.readingsDone,
    readingsTotal: run.readingsTotal,
    provider: run.provider,
    model: run.model,
    effort: run.effort,
    config: {
      versions: { rubric: run.rubricVersion, prompt: run.promptVersion, llm: run.llmVersion },
      sources: { rubric: run.rubricSource, prompt: run.promptSource, llm: run.llmSource },
      draft: run.draftName ? { name: run.draftName, version: run.draftVersion } : null,
    },
    anchorsHash: run.anchorsHash,
    skipped: snapshot?.skipped ?? [],
    startedBy: run.startedByName,
    createdAt: isoDate(run.createdAt),
    finishedAt: run.finishedAt === null ? null : isoDate(run.finishedAt),
    report: report ?? null,
    failedReadings: view.failed.map((r) => ({ anchor: r.anchorId, sample: r.sample, errorKind: r.errorKind, error: r.errorMessage, attempts: r.attempts })),
  };
}
