import { Writable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { scheduleJobs } from '../src/jobs/schedule.ts';
import { createLogger } from '../src/logger.ts';
import { makeTestApp, signedIn, type TestApp } from './helpers/app.ts';
import { SAMPLE_MEMO } from './helpers/outputs.ts';
import { DAY, HOUR } from '../src/time.ts';
import { count } from './helpers/db.ts';

let t: TestApp;
let clock: number;
beforeEach(() => {
  clock = Date.parse('2026-11-22T09:00:00Z');
  t = makeTestApp({ now: () => clock });
});
afterEach(async () => {
  await t.close();
});


describe('absolute session lifetime', () => {
  it('ends an admin session admin_max_days after sign-in however active it is', async () => {
    const c = await signedIn(t, 'bo-admin');
    const max = t.config.current.files.auth.sessions.admin_max_days * DAY;
    for (let used = 0; used + 6 * HOUR < max; used += 6 * HOUR) {
      clock += 6 * HOUR;
      expect((await c.get('/admin')).status).toBe(200);
    }
    clock = Date.parse('2026-11-22T09:00:00Z') + max;
    const after = await c.get('/admin');
    expect(after.status).toBe(303);
    expect(after.headers.get('location')).toBe('/login?next=%2Fadmin');
  });

  it("caps a writer's cookie and session at student_max_days from the first memo", async () => {
    const c = t.client();
    const res = await c.post('/submissions', { text: SAMPLE_MEMO });
    const { student_max_days, student_idle_days } = t.config.current.files.auth.sessions;
    expect(student_max_days).toBeLessThan(student_idle_days);
    expect(res.headers.get('set-cookie')).toContain(`Max-Age=${student_max_days * 86_400}`);
    clock += 100 * DAY;
    expect((await c.get('/history')).status).toBe(200);
    clock += (student_max_days - 100) * DAY;
    expect(await (await c.get('/history')).text()).not.toContain('<table');
  });
});

describe('the prune-sessions job', () => {
  it('deletes expired sessions and anonymous writers with no memo and no live session, and logs what it did', async () => {
    const keeper = t.client();
    await keeper.post('/submissions', { text: SAMPLE_MEMO }); // a writer with a memo
    const insert = t.db.$client.prepare("insert into users (id, anonymous, role, created_at) values (?, 1, 'student', ?)");
    const session = t.db.$client.prepare("insert into sessions (id, secret_hash, user_id, created_at, last_verified_at, expires_at) values (?, 'x', ?, ?, ?, ?)");
    insert.run('empty-expired', clock);
    session.run('s-expired', 'empty-expired', clock - 2 * DAY, clock - 2 * DAY, clock - DAY);
    insert.run('empty-live', clock);
    session.run('s-live', 'empty-live', clock, clock, clock + DAY);
    insert.run('empty-none', clock);
    clock += 200 * DAY; // the memo writer's session has expired too, but the memo keeps the writer
    t.db.$client.prepare('update sessions set expires_at = ? where id = ?').run(clock + DAY, 's-live');

    const lines: string[] = [];
    const log = createLogger('info', new Writable({ write: (chunk, _e, cb) => (lines.push(String(chunk)), cb()) }));
    const tasks = scheduleJobs({ db: t.db, env: t.config.env, log, now: () => clock, rawRetentionDays: () => 90 });
    try {
      await tasks.find((task) => task.name === 'prune-sessions')!.execute();
    } finally {
      await Promise.all(tasks.map((task) => task.destroy()));
    }
    expect(t.db.$client.prepare('select id from sessions').all()).toEqual([{ id: 's-live' }]);
    expect(count(t.db, 'users', "id in ('empty-expired', 'empty-none')")).toBe(0);
    expect(count(t.db, 'users', "id = 'empty-live'")).toBe(1);
    expect(count(t.db, 'users u join submissions s on s.writer_id = u.id')).toBe(1);
    expect(JSON.parse(lines.find((l) => l.includes('prune-sessions'))!)).toMatchObject({ job: 'prune-sessions', sessions: 2, writers: 2 });
  });
});
