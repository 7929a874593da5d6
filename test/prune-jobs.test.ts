import { Writable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listJobRuns } from '../src/db/queries/job-runs.ts';
import { recordedRun } from '../src/jobs/job-run.ts';
import { pruneLoginFailuresJob, pruneRawTracesJob, pruneSessionsJob } from '../src/jobs/prune.ts';
import { createLogger } from '../src/logger.ts';
import { DAY } from '../src/time.ts';
import { makeTestApp, signedIn, type TestApp } from './helpers/app.ts';

// The maintenance jobs are named functions that leave a job_runs row and one log line each,
// so an operator can see when they last ran and what they removed.

let t: TestApp;
let clock: number;
let lines: string[];
const deps = () => ({ db: t.db, now: () => clock, log: createLogger('info', new Writable({ write: (chunk, _e, cb) => (lines.push(String(chunk)), cb()) })) });

beforeEach(() => {
  clock = Date.parse('2026-11-30T03:00:00Z');
  lines = [];
  t = makeTestApp({ now: () => clock });
});
afterEach(async () => {
  await t.close();
});

describe('prune jobs', () => {
  it('prune-login-failures removes records older than a day and records the run', () => {
    const insert = t.db.$client.prepare("insert into login_failures (username, ip, created_at) values ('ana-student', '127.0.0.1', ?)");
    insert.run(clock - 2 * DAY);
    insert.run(clock - 2 * DAY);
    insert.run(clock - 1000);
    expect(pruneLoginFailuresJob(deps())).toEqual({ removed: 2 });
    const [run] = listJobRuns(t.db, 'prune-login-failures', 5);
    expect(run).toMatchObject({ status: 'ok', startedAt: clock, finishedAt: clock, error: null });
    expect(run!.detail).toEqual({ removed: 2 });
    expect(JSON.parse(lines[0]!)).toMatchObject({ job: 'prune-login-failures', removed: 2, msg: 'pruned old failed-login records' });
  });

  it('prune-sessions and prune-raw-traces record what they removed, even when it is nothing', () => {
    expect(pruneSessionsJob(deps())).toEqual({ sessions: 0, writers: 0 });
    expect(pruneRawTracesJob(deps(), 30)).toEqual({ days: 30, pruned: 0, attempts: 0, calibrationReadings: 0 });
    expect(listJobRuns(t.db, 'prune-sessions', 1)[0]!.detail).toEqual({ sessions: 0, writers: 0 });
    expect(listJobRuns(t.db, 'prune-raw-traces', 1)[0]!.detail).toEqual({ days: 30, pruned: 0, attempts: 0, calibrationReadings: 0 });
    expect(lines).toHaveLength(2);
  });

  it('a failing job body is recorded as failed, logged as an error, and rethrown', () => {
    expect(() =>
      recordedRun(deps(), 'prune-example', 'never logged', () => {
        throw new Error('disk I/O error');
      }),
    ).toThrow('disk I/O error');
    expect(listJobRuns(t.db, 'prune-example', 1)[0]).toMatchObject({ status: 'failed', error: 'disk I/O error', detail: null });
    expect(JSON.parse(lines[0]!)).toMatchObject({ level: 50, job: 'prune-example', err: { message: 'disk I/O error' } });
  });

  it('the system page shows the newest run of each maintenance job, and its JSON the same', async () => {
    pruneSessionsJob(deps());
    const admin = await signedIn(t, 'bo-admin');
    const html = await (await admin.get('/admin/system')).text();
    const table = html.slice(html.indexOf('Nightly maintenance jobs'));
    expect(table).toMatch(/<code>prune-sessions<\/code><\/th><td>[^<]+<\/td><td>ok<\/td><td>sessions: 0, writers: 0<\/td>/);
    expect(table).toMatch(/<code>prune-login-failures<\/code><\/th><td colspan="3">Not run yet/);
    const json = (await (await admin.get('/admin/system', { accept: 'application/json' })).json()) as { maintenance: { job: string; run: { status: string; detail: unknown } | null }[] };
    expect(json.maintenance.map((m) => [m.job, m.run?.status ?? null])).toEqual([
      ['prune-login-failures', null],
      ['prune-sessions', 'ok'],
      ['prune-raw-traces', null],
    ]);
    expect(json.maintenance[1]!.run!.detail).toEqual({ sessions: 0, writers: 0 });
  });
});
