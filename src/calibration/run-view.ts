import { canTeach, findAssignment, listAssignmentsFor } from '../db/queries/assignments.ts';
import { countCalibrationRuns, findCalibrationRun, listCalibrationReadings, listCalibrationRuns, type CalibrationRunListRow, type RunScope, type StoredReading } from '../db/queries/calibration.ts';
import type { Db } from '../db/client.ts';
import type { CalibrationRun, User } from '../db/schema.ts';
import { paginate } from '../http/paginate.ts';
import { calibrationReport, type CalibrationReport } from './report.ts';
import { readRunSnapshot, type RunSnapshot } from './snapshot.ts';

/** One run as its page shows it. */
export interface RunView {
  run: CalibrationRun;
  assignment: { id: number; slug: string; title: string };
  /** undefined when the stored snapshot can't be read (the page says so). */
  snapshot: RunSnapshot | undefined;
  report: CalibrationReport | undefined;
  failed: StoredReading[];
}

type Staff = Pick<User, 'id' | 'role'>;

/** A run the staff member may see (admins: all; instructors: their assignments' runs of the published config), with its report. */
export function readRunView(db: Db, id: number, user: Staff): RunView | undefined {
  const run = findCalibrationRun(db, id);
  // Draft runs are admins' (drafts are config); an instructor sees the published config's runs of their assignments.
  if (!run || !canTeach(db, run.assignmentId, user) || (run.draftName !== null && user.role !== 'admin')) return undefined;
  const a = findAssignment(db, run.assignmentId)!;
  const readings = listCalibrationReadings(db, id);
  const snapshot = readRunSnapshot(run.anchorsJson);
  const report = snapshot ? calibrationReport(snapshot.anchors, readings, snapshot.rubric) : undefined;
  return { run, assignment: { id: a.id, slug: a.slug, title: a.title }, snapshot, report, failed: readings.filter((r) => r.status === 'failed') };
}

/** Runs per page of the list. */
export const RUNS_PAGE_SIZE = 25;

const scopeOf = (user: Staff): RunScope => (user.role === 'admin' ? { all: true } : { all: false, userId: user.id });

/** One page of the runs a staff member may see, newest first. */
export function runsPage(db: Db, user: Staff, pageParam: string | undefined): { rows: CalibrationRunListRow[]; page: number; pages: number; total: number } {
  const total = countCalibrationRuns(db, scopeOf(user));
  const { page, pages, limit, offset } = paginate(pageParam, total, RUNS_PAGE_SIZE);
  return { rows: listCalibrationRuns(db, scopeOf(user), limit, offset), page, pages, total };
}

/** The assignments a staff member may calibrate, for the form's select. */
export function calibratableAssignments(db: Db, user: Staff): { slug: string; title: string }[] {
  return listAssignmentsFor(db, user).map((a) => ({ slug: a.slug, title: a.title }));
}

/** "rubric v3 · draft prompt v7 · llm v0" — where each config of a run came from. */
export function configLabel(run: Pick<CalibrationRun, 'rubricSource' | 'promptSource' | 'llmSource' | 'draftName' | 'draftVersion'>): string {
  const one = (name: 'rubric' | 'prompt' | 'llm', n: number) => (run.draftName === name ? `draft ${name} v${run.draftVersion}` : `${name} v${n}`);
  return [one('rubric', run.rubricSource), one('prompt', run.promptSource), one('llm', run.llmSource)].join(' · ');
}
