import { parseArgs } from 'node:util';
import { CalibrationRegistry } from '../calibration/registry.ts';
import { reportText } from '../calibration/cli-table.ts';
import { readRunView } from '../calibration/run-view.ts';
import { startCalibrationRun } from '../calibration/run.ts';
import { loadAppConfig } from '../config/index.ts';
import { parseDraftRef, type DraftRef } from '../config-versions/drafts.ts';
import { ConfigStore } from '../config-versions/store.ts';
import { openDatabase, type Db } from '../db/client.ts';
import { DEFAULT_ASSIGNMENT_SLUG, findAssignmentBySlug } from '../db/queries/assignments.ts';
import { findCalibrationRun } from '../db/queries/calibration.ts';
import { ProviderGate } from '../jobs/provider-gate.ts';
import { createLogger } from '../logger.ts';

const USAGE = 'usage: npm run calibrate -- [--samples N (1-20)] [--draft name:version] [--assignment slug] [--batch]';

interface Args {
  samples: number | undefined;
  draft: DraftRef | undefined;
  assignment: string;
  batch: boolean;
}

/** The command line, checked; a string is the problem to print. */
function readArgs(argv: string[]): Args | string {
  let values: { samples?: string; draft?: string; assignment?: string; batch?: boolean };
  try {
    values = parseArgs({ args: argv, options: { samples: { type: 'string' }, draft: { type: 'string' }, assignment: { type: 'string' }, batch: { type: 'boolean' } }, strict: true }).values;
  } catch (err) {
    return (err as Error).message;
  }
  const samples = values.samples === undefined ? undefined : Number(values.samples);
  if (samples !== undefined && (!/^\d{1,2}$/.test(values.samples!) || samples < 1 || samples > 20)) return `--samples must be a whole number from 1 to 20, not "${values.samples}"`;
  const draft = values.draft === undefined ? undefined : parseDraftRef(values.draft);
  if (values.draft !== undefined && !draft) return `--draft must be name:version, e.g. prompt:7, not "${values.draft}"`;
  return { samples, draft, assignment: values.assignment ?? DEFAULT_ASSIGNMENT_SLUG, batch: values.batch ?? false };
}

/** Prints "X of Y readings" as the run goes, until it has finished. */
async function showProgress(db: Db, id: number, runs: CalibrationRegistry): Promise<void> {
  let last = -1;
  let finished = false;
  const done = runs.whenDone(id).finally(() => (finished = true));
  while (!finished) {
    const run = findCalibrationRun(db, id)!;
    if (run.readingsDone !== last) console.log(`  ${run.readingsDone} of ${run.readingsTotal} readings`);
    last = run.readingsDone;
    await Promise.race([done, new Promise((r) => setTimeout(r, 500))]);
  }
}

/** `npm run calibrate`: one calibration run from the command line; exit 0 done, 1 failed or bad arguments, 2 no anchors. */
async function main(): Promise<number> {
  const args = readArgs(process.argv.slice(2));
  if (typeof args === 'string') return (console.error(`${args}\n${USAGE}`), 1);
  const config = loadAppConfig();
  const db = openDatabase(config.env.databasePath);
  const log = createLogger('error');
  const store = new ConfigStore(config.env, config.files);
  store.loadFromDatabase(db, log);
  const a = findAssignmentBySlug(db, args.assignment);
  if (!a) return (console.error(`There is no assignment with the slug "${args.assignment}".\n${USAGE}`), 1);
  const runs = new CalibrationRegistry();
  const gate = new ProviderGate(Date.now, () => store.current.files.llm.backoff);
  const deps = { db, config: store, now: Date.now, log, gate, runs };
  const samples = args.samples ?? store.current.files.llm.calibration.samples;
  const res = startCalibrationRun(deps, { assignmentId: a.id, samples, draft: args.draft, mode: args.batch ? 'batch' : 'direct', startedBy: { id: null, username: 'command line' } });
  if (!res.ok) return (console.error(res.problem.message), res.problem.kind === 'no-anchors' ? 2 : 1);
  process.once('SIGINT', () => void runs.stop());
  const run = findCalibrationRun(db, res.id)!;
  const demo = run.provider === 'demo' ? ' — the offline demo evaluator (no ANTHROPIC_API_KEY): its heuristics, not a model, are measured' : '';
  console.log(`Calibration run ${res.id}: ${a.slug}, ${res.anchors} anchor(s) × ${samples} reading(s), ${run.provider} ${run.model}${demo}${args.draft ? `, draft ${args.draft.name}:${args.draft.version}` : ''}${args.batch ? ', through the Message Batches API (half price; waiting for the batch)' : ''}`);
  if (res.skipped) console.log(`  ${res.skipped} anchor(s) skipped: they don't fit the rubric (see the run page)`);
  await showProgress(db, res.id, runs);
  const view = readRunView(db, res.id, { id: '', role: 'admin' })!;
  if (view.run.status !== 'done' || !view.report) return (console.error(`Run ${res.id} failed: ${view.run.error ?? 'unknown'}\nRun page: /admin/calibration/${res.id}`), 1);
  console.log(`\n${reportText(view.report, view.run.readingsTotal)}\n\nRun page: /admin/calibration/${res.id}`);
  db.$client.close();
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error((err as Error).message);
    process.exit(1);
  },
);
