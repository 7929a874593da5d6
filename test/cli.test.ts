import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');
const dir = mkdtempSync(join(tmpdir(), 'memoai-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** .env.example as shipped, as compose passes it: every key, empty ones included. */
function shippedEnv(): Record<string, string> {
  const lines = readFileSync(join(ROOT, '.env.example'), 'utf8').split('\n').filter((l) => /^[A-Z_]+=/.test(l));
  return Object.fromEntries(lines.map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));
}

function validateConfig(env: Record<string, string>) {
  const res = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/validate-config.ts'], { cwd: ROOT, env: { PATH: process.env.PATH ?? '', ...env }, encoding: 'utf8', timeout: 30_000 });
  return { status: res.status, out: res.stdout + res.stderr };
}

describe('npm run validate-config', () => {
  it('accepts .env.example as shipped (production, as in the container) and says what it found', () => {
    const res = validateConfig({ ...shippedEnv(), NODE_ENV: 'production', DATA_DIR: join(dir, 'data') });
    expect(res.out).toContain('✓ environment');
    expect(res.out).toContain('/metrics is closed: set METRICS_TOKEN');
    expect(res.out).toContain('Configuration is valid.');
    expect(res.status).toBe(0);
  });

  it('names bad variables and bad combinations', () => {
    const bad = validateConfig({ ...shippedEnv(), LLM_PROVIDER: 'openai', PORT: 'eighty' });
    expect(bad.status).toBe(1);
    expect(bad.out).toMatch(/LLM_PROVIDER/);
    expect(bad.out).toMatch(/PORT/);
    const restic = validateConfig({ ...shippedEnv(), BACKUP_RESTIC_REPOSITORY: join(dir, 'repo'), RESTIC_PASSWORD_FILE: join(dir, 'missing') });
    expect(restic.status).toBe(1);
    expect(restic.out).toMatch(/RESTIC_PASSWORD_FILE .*missing cannot be read/);
    const noPassword = validateConfig({ ...shippedEnv(), BACKUP_RESTIC_REPOSITORY: join(dir, 'repo') });
    expect(noPassword.out).toMatch(/neither RESTIC_PASSWORD nor RESTIC_PASSWORD_FILE/);
  });
});

describe('npm run create-admin', () => {
  const run = (args: string[], env: Record<string, string>) => {
    const res = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/create-admin.ts', ...args], { cwd: ROOT, env: { PATH: process.env.PATH ?? '', NODE_ENV: 'test', ...env }, encoding: 'utf8', timeout: 30_000 });
    return { status: res.status, out: res.stdout + res.stderr };
  };

  it('creates an admin, or gives an existing one a new password, and records both in the audit log', () => {
    const data = join(dir, 'create-admin');
    expect(run(['root-admin'], { DATA_DIR: data, ADMIN_PASSWORD: 'a-long-admin-password' })).toMatchObject({ status: 0, out: 'Created admin root-admin.\n' });
    const again = run(['root-admin'], { DATA_DIR: data });
    expect(again.status).toBe(0);
    expect(again.out).toMatch(/Password \(shown once, must be changed at first sign-in\): [a-z2-9]{24}/);
    expect(run(['root-admin'], { DATA_DIR: data, ADMIN_PASSWORD: 'short' })).toMatchObject({ status: 1, out: 'ADMIN_PASSWORD must be at least 12 characters\n' });
    expect(run(['no spaces'], { DATA_DIR: data }).status).toBe(1);
    const db = new Database(join(data, 'memoai.db'), { readonly: true });
    const rows = db.prepare('select actor_id as actorId, actor_name as actor, action, target from audit_log order by id').all();
    db.close();
    expect(rows).toEqual([
      { actorId: null, actor: 'create-admin (command line)', action: 'user.create', target: 'root-admin' },
      { actorId: null, actor: 'create-admin (command line)', action: 'user.make_admin', target: 'root-admin' },
    ]);
  });
});
