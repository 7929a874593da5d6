import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { listJobRuns } from '../src/db/queries/job-runs.ts';
import { backupDir } from '../src/jobs/backup.ts';
import { backupWithOffsiteCopy, OFFSITE_JOB, restic } from '../src/jobs/offsite.ts';
import { createAccount, makeTestApp, PEOPLE, signedIn, type TestApp } from './helpers/app.ts';

// The off-site copy against a real local restic repository (Debian's restic; CI installs it).
const available = spawnSync('sh', ['-c', 'command -v restic']).status === 0;
if (process.env.CI && !available) throw new Error('restic is required in CI (apt-get install -y restic)');

let current: TestApp | undefined;
const dirs: string[] = [];
afterEach(async () => {
  await current?.close();
  current = undefined;
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function scratch(): string {
  const d = mkdtempSync(join(tmpdir(), 'memoai-restic-'));
  dirs.push(d);
  return d;
}

describe.skipIf(!available)('off-site copies with restic', () => {
  it('copies each backup into the repository, applies retention there, and a restored snapshot equals the backup', async () => {
    const repo = join(scratch(), 'repo');
    const t = (current = makeTestApp({ env: { BACKUP_RESTIC_REPOSITORY: repo, RESTIC_PASSWORD: 'correct horse battery staple', BACKUP_RETENTION: '2' } }));
    const writer = await createAccount(t, PEOPLE['ana-student']);
    t.db.$client.prepare('insert into submissions (writer_id, text, char_count, created_at) values (?, ?, 4, ?)').run(writer, 'memo', Date.now());

    let clock = Date.UTC(2026, 10, 1, 2, 0, 0);
    const results = [];
    for (let i = 0; i < 3; i++) {
      results.push(await backupWithOffsiteCopy(t.db, t.config.env, () => clock));
      clock += 1000;
    }
    for (const r of results) expect(r.offsite).toMatchObject({ ok: true, snapshot: expect.stringMatching(/^[0-9a-f]{8}$/) });
    expect(results[2]!.offsite).toMatchObject({ removed: 1 });

    const snapshots = JSON.parse(await restic(t.config.env.restic, ['snapshots', '--json'])) as { short_id: string; tags: string[] }[];
    expect(snapshots.map((s) => s.short_id).sort()).toEqual([results[1]!.offsite, results[2]!.offsite].map((o) => (o as { snapshot: string }).snapshot).sort());
    expect(snapshots.every((s) => s.tags.includes('memoai'))).toBe(true);

    const target = scratch();
    await restic(t.config.env.restic, ['restore', 'latest', '--target', target]);
    const newest = results[2]!.file;
    const restored = readFileSync(join(target, newest));
    expect(restored.equals(readFileSync(join(backupDir(t.dir), newest)))).toBe(true);
    expect(restored.length).toBeGreaterThan(0);

    const runs = listJobRuns(t.db, OFFSITE_JOB, 10);
    expect(runs.map((r) => r.status)).toEqual(['ok', 'ok', 'ok']);
    const admin = await signedIn(t, 'bo-admin');
    const page = await (await admin.get('/admin/system')).text();
    expect(page).toContain('Recent off-site copies');
    expect(page).toContain(`snapshot ${(results[2]!.offsite as { snapshot: string }).snapshot}`);
  }, 60_000);

  it('reads the password from RESTIC_PASSWORD_FILE', async () => {
    const dir = scratch();
    writeFileSync(join(dir, 'password'), 'from a file\n');
    const t = (current = makeTestApp({ env: { BACKUP_RESTIC_REPOSITORY: join(dir, 'repo'), RESTIC_PASSWORD_FILE: join(dir, 'password') } }));
    const res = await backupWithOffsiteCopy(t.db, t.config.env, Date.now);
    expect(res.offsite).toMatchObject({ ok: true });
    const wrong = { ...t.config.env.restic, passwordFile: '', password: 'not it' };
    await expect(restic(wrong, ['snapshots'])).rejects.toThrow(/restic snapshots: .*(wrong password|no key found)/);
  }, 60_000);

  it('a failing repository: the local backup stands, the run is recorded failed, /health is degraded with the reason', async () => {
    const dir = scratch();
    writeFileSync(join(dir, 'not-a-folder'), 'x');
    const t = (current = makeTestApp({ env: { BACKUP_RESTIC_REPOSITORY: join(dir, 'not-a-folder', 'repo'), RESTIC_PASSWORD: 'pw', METRICS_TOKEN: 'metrics-token-0123456789' } }));
    const res = await backupWithOffsiteCopy(t.db, t.config.env, Date.now);
    expect(res.file).toMatch(/^memoai-/);
    expect(res.offsite).toMatchObject({ ok: false, error: expect.stringMatching(/^restic init: /) });
    expect(listJobRuns(t.db, OFFSITE_JOB, 10)).toMatchObject([{ status: 'failed' }]);
    const health = (await (await t.client().get('/health', { authorization: 'Bearer metrics-token-0123456789' })).json()) as { status: string; checks: { backups: { detail: string } } };
    expect(health.status).toBe('degraded');
    expect(health.checks.backups.detail).toMatch(/^last off-site copy failed: restic init: /);
  }, 60_000);
});
