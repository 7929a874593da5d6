import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runBackup } from '../src/jobs/backup.ts';
import { scheduleInterval } from '../src/health-backups.ts';
import { createAccount, makeTestApp, PEOPLE, type TestApp, type TestAppOptions } from './helpers/app.ts';
import { DAY } from '../src/time.ts';

// /health must turn non-ok, with the reason, when the disk is full or low, and when backups are
// failing, stale or missing; /metrics is closed in production without a token.
const TOKEN = 'metrics-token-0123456789';

let current: TestApp | undefined;
const mounts: string[] = [];
afterEach(async () => {
  await current?.close();
  current = undefined;
  for (const dir of mounts.splice(0)) {
    spawnSync('umount', [dir]);
    rmSync(dir, { recursive: true, force: true });
  }
});

function app(opts: TestAppOptions = {}): TestApp {
  current = makeTestApp({ ...opts, env: { METRICS_TOKEN: TOKEN, ...opts.env } });
  return current;
}

async function health(t: TestApp): Promise<{ code: number; status: string; checks: Record<string, { status: string; detail: string }> }> {
  const res = await t.client().get('/health', { authorization: `Bearer ${TOKEN}` });
  const body = (await res.json()) as { status: string; checks: Record<string, { status: string; detail: string }> };
  return { code: res.status, ...body };
}

/** A small tmpfs of its own (needs root: CI runs as root), so the test can fill it up. */
function smallDisk(): string | undefined {
  const dir = mkdtempSync(join(tmpdir(), 'memoai-disk-'));
  const res = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=8m', 'tmpfs', dir], { encoding: 'utf8' });
  if (res.status !== 0) {
    if (process.env.CI) throw new Error(`mount tmpfs failed in CI: ${res.stderr}`);
    rmSync(dir, { recursive: true });
    return undefined;
  }
  mounts.push(dir);
  return dir;
}

describe('/health: disk', () => {
  it('is degraded under DISK_MIN_FREE_MB, naming the free space', async () => {
    const t = app({ env: { DISK_MIN_FREE_MB: String(1024 * 1024 * 1024) } });
    const h = await health(t);
    expect(h.code).toBe(200);
    expect(h.status).toBe('degraded');
    expect(h.checks.disk).toEqual({ status: 'failing', detail: expect.stringMatching(/^only \d+ MiB free in .* \(threshold \d+ MiB\)$/) });
  });

  it('fails (503) when the data volume is full, and recovers when space is freed', async (ctx) => {
    const disk = smallDisk();
    if (!disk) return ctx.skip();
    const t = app({ env: { DATA_DIR: join(disk, 'data'), DISK_MIN_FREE_MB: '1' } });
    expect((await health(t)).status).toBe('ok');
    const filler = join(disk, 'filler');
    try {
      execFileSync('dd', ['if=/dev/zero', `of=${filler}`, 'bs=64k'], { stdio: 'ignore' });
    } catch {
      // dd stops with "No space left on device": the disk is full, as intended
    }
    const full = await health(t);
    expect(full.code).toBe(503);
    expect(full.status).toBe('fail');
    expect(full.checks.disk).toEqual({ status: 'failing', detail: expect.stringMatching(/cannot write to .*: ENOSPC/) });
    expect((await t.client().get('/health')).status).toBe(503);
    rmSync(filler);
    expect((await health(t)).status).toBe('ok');
  });
});

describe('/health: backups', () => {
  it('knows the interval of a schedule', () => {
    expect(scheduleInterval('0 2 * * 0')).toBe(7 * DAY);
    expect(scheduleInterval('0 2 * * *')).toBe(DAY);
    expect(scheduleInterval('0 2 * * 1-5')).toBe(3 * DAY);
  });

  it('is degraded when the newest backup is older than twice the schedule', async () => {
    const t = app({ env: { BACKUP_SCHEDULE: '0 2 * * *' } });
    await runBackup(t.db, { dataDir: t.dir, retention: 4, now: () => Date.now() - 3 * DAY });
    const stale = await health(t);
    expect(stale.status).toBe('degraded');
    expect(stale.checks.backups!.detail).toMatch(/^the newest backup \(.*\) is older than twice the schedule "0 2 \* \* \*"$/);
    await runBackup(t.db, { dataDir: t.dir, retention: 4, now: () => Date.now() - DAY });
    expect((await health(t)).status).toBe('ok');
  });

  it('is degraded when there was never a backup but memos are older than twice the schedule', async () => {
    const t = app();
    const writer = await createAccount(t, PEOPLE['ana-student']);
    const insert = (at: number) => t.db.$client.prepare('insert into submissions (writer_id, text, char_count, created_at) values (?, ?, 4, ?)').run(writer, 'memo', at);
    insert(Date.now() - 13 * DAY);
    expect((await health(t)).checks.backups).toEqual({ status: 'ok', detail: 'no backup yet' });
    insert(Date.now() - 15 * DAY);
    const h = await health(t);
    expect(h.status).toBe('degraded');
    expect(h.checks.backups!.detail).toMatch(/^no backup yet, and memos go back to /);
  });

  it('is degraded with the reason when the last backup failed', async () => {
    const t = app();
    const blocker = join(t.dir, 'blocker');
    writeFileSync(blocker, 'not a folder');
    await expect(runBackup(t.db, { dataDir: join(blocker, 'data'), retention: 4, now: Date.now })).rejects.toThrow();
    const h = await health(t);
    expect(h.status).toBe('degraded');
    expect(h.checks.backups!.detail).toMatch(/^last backup failed: ENOTDIR/);
  });
});

describe('/metrics in production', () => {
  it('is closed without METRICS_TOKEN, unless METRICS_PUBLIC=true opens it', async () => {
    const closed = makeTestApp({ env: { NODE_ENV: 'production' } });
    try {
      expect((await closed.client().get('/metrics')).status).toBe(401);
    } finally {
      await closed.close();
    }
    const open = app({ env: { NODE_ENV: 'production', METRICS_TOKEN: '', METRICS_PUBLIC: 'true' } });
    const res = await open.client().get('/metrics');
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('memoai_http_requests_total');
    const withToken = makeTestApp({ env: { NODE_ENV: 'production', METRICS_TOKEN: TOKEN } });
    try {
      expect((await withToken.client().get('/metrics', { authorization: `Bearer ${TOKEN}` })).status).toBe(200);
    } finally {
      await withToken.close();
    }
  });
});
