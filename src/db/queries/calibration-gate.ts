import { and, desc, eq, isNull, type SQL } from 'drizzle-orm';
import type { Db } from '../client.ts';
import type { ConfigName } from './config-versions.ts';
import { calibrationRuns, type CalibrationRun } from '../schema.ts';

/** A calibration run's totals as the publish gate and the draft page read them. */
export type RunTotals = Pick<
  CalibrationRun,
  | 'id'
  | 'status'
  | 'samples'
  | 'hitRate'
  | 'meanDistance'
  | 'meanSpread'
  | 'worstSpread'
  | 'costUsd'
  | 'readingsTotal'
  | 'readingsDone'
  | 'anchorsHash'
  | 'provider'
  | 'model'
  | 'rubricVersion'
  | 'promptVersion'
  | 'llmVersion'
  | 'error'
  | 'createdAt'
  | 'finishedAt'
>;

const totals = {
  id: calibrationRuns.id,
  status: calibrationRuns.status,
  samples: calibrationRuns.samples,
  hitRate: calibrationRuns.hitRate,
  meanDistance: calibrationRuns.meanDistance,
  meanSpread: calibrationRuns.meanSpread,
  worstSpread: calibrationRuns.worstSpread,
  costUsd: calibrationRuns.costUsd,
  readingsTotal: calibrationRuns.readingsTotal,
  readingsDone: calibrationRuns.readingsDone,
  anchorsHash: calibrationRuns.anchorsHash,
  provider: calibrationRuns.provider,
  model: calibrationRuns.model,
  rubricVersion: calibrationRuns.rubricVersion,
  promptVersion: calibrationRuns.promptVersion,
  llmVersion: calibrationRuns.llmVersion,
  error: calibrationRuns.error,
  createdAt: calibrationRuns.createdAt,
  finishedAt: calibrationRuns.finishedAt,
};

/** The newest run of one assignment that meets every condition given. */
function newestRun(db: Db, assignmentId: number, ...conditions: (SQL | undefined)[]): RunTotals | undefined {
  return db
    .select(totals)
    .from(calibrationRuns)
    .where(and(eq(calibrationRuns.assignmentId, assignmentId), ...conditions))
    .orderBy(desc(calibrationRuns.id))
    .limit(1)
    .get();
}

/** The newest run of one config draft in one assignment, done only when `doneOnly`; undefined when there is none. */
export function newestDraftRun(db: Db, assignmentId: number, draft: { name: ConfigName; version: number }, doneOnly: boolean): RunTotals | undefined {
  const done = doneOnly ? eq(calibrationRuns.status, 'done') : undefined;
  return newestRun(db, assignmentId, eq(calibrationRuns.draftName, draft.name), eq(calibrationRuns.draftVersion, draft.version), done);
}

/** What a baseline run must match: the config hashes (rubric, prompt, llm) and the anchors' hash, each optional. */
export interface BaselineMatch {
  versions?: { rubric: string; prompt: string; llm: string };
  anchorsHash?: string;
}

/** The newest finished run of the published config (no draft) in one assignment that matches; undefined when none does. */
export function newestBaselineRun(db: Db, assignmentId: number, match: BaselineMatch): RunTotals | undefined {
  const v = match.versions;
  return newestRun(
    db,
    assignmentId,
    eq(calibrationRuns.status, 'done'),
    isNull(calibrationRuns.draftName),
    v ? and(eq(calibrationRuns.rubricVersion, v.rubric), eq(calibrationRuns.promptVersion, v.prompt), eq(calibrationRuns.llmVersion, v.llm)) : undefined,
    match.anchorsHash === undefined ? undefined : eq(calibrationRuns.anchorsHash, match.anchorsHash),
  );
}
