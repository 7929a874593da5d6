import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../db/client.ts';
import { findUserByUsername } from '../db/queries/users.ts';
import { importAccounts, parseImport } from './account-import.ts';
import { changeOwnPassword, changeRole, createAccount, deactivateAccount, endAccountSessions, makeAdmin, resetPassword, type Acting } from './accounts.ts';
import { verifyPassword } from './passwords.ts';
import { createSession } from './sessions.ts';
import { count } from '../../test/helpers/db.ts';
import { shippedConfig } from '../../test/helpers/shipped-config.ts';
import { DAY, HOUR } from '../time.ts';

// The accounts module against a real temporary database with the real migrations.

const { auth } = shippedConfig();
const NOW = Date.UTC(2025, 0, 6, 9);
const LIFE = { idleMs: HOUR, maxMs: DAY };

let dir: string;
let db: Db;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'memoai-accounts-'));
  db = openDatabase(join(dir, 'app.db'));
});
afterEach(() => {
  db.$client.close();
  rmSync(dir, { recursive: true, force: true });
});

const cli: Acting = { actor: { id: null, username: 'create-admin (command line)' }, now: NOW };
const audit = () => db.$client.prepare('select actor_id as actorId, actor_name as actor, action, target, details from audit_log order by id').all() as { actorId: string | null; actor: string; action: string; target: string; details: string | null }[];
const sessionCount = (userId: string) => count(db, 'sessions', 'user_id = ?', userId);
const user = (username: string) => findUserByUsername(db, username)!;

/** Creates an account through the module (its audit entry included); returns the user row. */
async function person(username: string, role: 'student' | 'admin', by: Acting = cli) {
  const res = await createAccount(db, auth, by, { username, role, password: `${username}-password-1` });
  if (!res.ok) throw new Error(JSON.stringify(res.problems));
  return user(username);
}

const as = (u: { id: string; username: string | null }): Acting => ({ actor: { id: u.id, username: u.username }, now: NOW });

describe('the last-admin rule', () => {
  it('refuses to deactivate or demote the last active admin, and writes no audit entry', async () => {
    const bo = await person('bo-admin', 'admin');
    const before = audit().length;
    expect(deactivateAccount(db, cli, bo)).toEqual({ ok: false, error: 'last-admin' });
    expect(changeRole(db, cli, bo, 'student')).toEqual({ ok: false, error: 'last-admin' });
    expect(user('bo-admin')).toMatchObject({ role: 'admin', active: true });
    expect(audit()).toHaveLength(before);
  });

  it('does not count a deactivated admin, and lets one of two active admins go', async () => {
    const bo = await person('bo-admin', 'admin');
    const carl = await person('carl-admin', 'admin');
    expect(deactivateAccount(db, as(bo), carl)).toMatchObject({ ok: true, changed: true });
    expect(changeRole(db, cli, bo, 'student')).toEqual({ ok: false, error: 'last-admin' });
    expect(deactivateAccount(db, cli, user('carl-admin'))).toEqual({ ok: true, changed: false, sessionsEnded: 0 });
  });

  it('refuses to deactivate or demote yourself while another admin could', async () => {
    const bo = await person('bo-admin', 'admin');
    await person('carl-admin', 'admin');
    expect(deactivateAccount(db, as(bo), bo)).toEqual({ ok: false, error: 'own-account' });
    expect(changeRole(db, as(bo), bo, 'student')).toEqual({ ok: false, error: 'own-account' });
  });
});

describe('audit entries', () => {
  it('records the change with its details, by the acting admin', async () => {
    const bo = await person('bo-admin', 'admin');
    const ana = await person('ana-student', 'student');
    createSession(db, ana.id, NOW, LIFE);
    createSession(db, ana.id, NOW, LIFE);
    expect(changeRole(db, as(bo), ana, 'admin')).toEqual({ ok: true, changed: true, sessionsEnded: 2 });
    expect(sessionCount(ana.id)).toBe(0);
    expect(audit().at(-1)).toMatchObject({ actorId: bo.id, actor: 'bo-admin', action: 'user.role', target: 'ana-student' });
    expect(JSON.parse(audit().at(-1)!.details!)).toEqual({ from: 'student', to: 'admin', sessionsEnded: 2 });
  });

  it('is written in the same transaction: when the entry cannot be stored, the change is undone', async () => {
    const ana = await person('ana-student', 'student');
    createSession(db, ana.id, NOW, LIFE);
    const before = audit().length;
    // No account has this id, so the audit row breaks its foreign key.
    const ghost: Acting = { actor: { id: 'no-such-account', username: 'ghost' }, now: NOW };
    expect(() => deactivateAccount(db, ghost, ana)).toThrow(/FOREIGN KEY/);
    expect(() => endAccountSessions(db, ghost, ana)).toThrow(/FOREIGN KEY/);
    await expect(resetPassword(db, auth, ghost, ana, '')).rejects.toThrow(/FOREIGN KEY/);
    expect(user('ana-student').active).toBe(true);
    expect(await verifyPassword(user('ana-student').passwordHash, 'ana-student-password-1')).toBe(true);
    expect(sessionCount(ana.id)).toBe(1);
    expect(audit()).toHaveLength(before);
  });

  it('is absent when the operation is refused', async () => {
    const bo = await person('bo-admin', 'admin');
    const before = audit().length;
    expect(await createAccount(db, auth, as(bo), { username: 'BO-ADMIN', role: 'student', password: '' })).toEqual({ ok: false, problems: { username: 'taken' } });
    expect(await createAccount(db, auth, as(bo), { username: 'no spaces', role: 'admin', password: 'short' })).toEqual({ ok: false, problems: { username: 'invalid', password: 'too-short' } });
    expect(await resetPassword(db, auth, as(bo), bo, '')).toEqual({ ok: false, error: 'own-account' });
    expect(await importAccounts(db, auth, as(bo), 'dee,student\nbo-admin,student\n')).toEqual({ ok: false, problems: [{ line: 2, message: 'bo-admin already exists.' }] });
    expect(findUserByUsername(db, 'dee')).toBeUndefined();
    expect(audit()).toHaveLength(before);
  });
});

describe('CSV import', () => {
  it('takes instructors too', () => {
    expect(parseImport('eli,Instructor\n', auth)).toEqual({ rows: [{ line: 1, username: 'eli', role: 'instructor', password: '' }], problems: [] });
  });

  it('reads quoted fields with commas and quotes, CRLF line ends, a BOM and a header', () => {
    const text = '\uFEFFUsername,Role,Password\r\nana,student\r\n\r\n"bob","ADMIN","a ""quoted"", comma pass"\r\n cyd , student , pa"ss-word \r\n';
    expect(parseImport(text, auth)).toEqual({
      rows: [
        { line: 2, username: 'ana', role: 'student', password: '' },
        { line: 4, username: 'bob', role: 'admin', password: 'a "quoted", comma pass' },
        { line: 5, username: 'cyd', role: 'student', password: 'pa"ss-word' },
      ],
      problems: [],
    });
  });

  it('numbers every problem by its line; an open quote spoils only its own line', () => {
    const text = 'ana,student\n"dee,student\nbob,teacher\rcyd,student,"x"y\nANA,admin\n';
    expect(parseImport(text, auth).problems).toEqual([
      { line: 2, message: 'a quoted field is not closed.' },
      { line: 3, message: '"teacher" is not a role: use student, instructor or admin.' },
      { line: 4, message: 'a closing quote must be followed by a comma or the end of the line.' },
      { line: 5, message: 'ANA is also on line 1.' },
    ]);
  });

  it('creates every account with one audit entry, and shows only generated passwords', async () => {
    const res = await importAccounts(db, auth, cli, 'ana,student\r\nbob,admin,"bob, the admin!"\r\n');
    expect(res.ok && res.accounts.map((a) => [a.username, a.role, a.password?.length])).toEqual([
      ['ana', 'student', 24],
      ['bob', 'admin', undefined],
    ]);
    expect(await verifyPassword(user('bob').passwordHash, 'bob, the admin!')).toBe(true);
    expect(user('ana').mustChangePassword).toBe(true);
    expect(audit()).toEqual([{ actorId: null, actor: 'create-admin (command line)', action: 'user.import', target: '2 accounts', details: JSON.stringify({ count: 2, usernames: ['ana', 'bob'] }) }]);
  });
});

describe('create-admin (makeAdmin)', () => {
  it('creates an admin and audits it as the command line', async () => {
    const res = await makeAdmin(db, auth, cli, { username: 'root-admin', password: '' });
    expect(res).toMatchObject({ ok: true, created: true, generated: true });
    expect(user('root-admin')).toMatchObject({ role: 'admin', mustChangePassword: true });
    expect(audit()).toEqual([{ actorId: null, actor: 'create-admin (command line)', action: 'user.create', target: 'root-admin', details: JSON.stringify({ role: 'admin', generatedPassword: true }) }]);
  });

  it('makes an existing account an admin with the given password, ends its sessions, in one audited change', async () => {
    const ana = await person('ana-student', 'student');
    createSession(db, ana.id, NOW, LIFE);
    const res = await makeAdmin(db, auth, cli, { username: 'ANA-student', password: 'a-long-admin-password' });
    expect(res).toEqual({ ok: true, created: false, sessionsEnded: 1, password: 'a-long-admin-password', generated: false });
    expect(user('ana-student')).toMatchObject({ role: 'admin', mustChangePassword: false });
    expect(sessionCount(ana.id)).toBe(0);
    expect(audit().at(-1)).toMatchObject({ actorId: null, action: 'user.make_admin', target: 'ana-student' });
    expect(JSON.parse(audit().at(-1)!.details!)).toEqual({ from: 'student', generatedPassword: false, sessionsEnded: 1 });
  });

  it('refuses a password too short for an admin and changes nothing', async () => {
    await person('ana-student', 'student');
    const before = audit().length;
    expect(await makeAdmin(db, auth, cli, { username: 'ana-student', password: 'short' })).toEqual({ ok: false, problems: { password: 'too-short' } });
    expect(await makeAdmin(db, auth, cli, { username: 'new-admin', password: 'short' })).toEqual({ ok: false, problems: { password: 'too-short' } });
    expect(user('ana-student').role).toBe('student');
    expect(audit()).toHaveLength(before);
  });
});

describe('changeOwnPassword', () => {
  it('reports every field problem, then stores the new password and ends every session, unaudited', async () => {
    const ana = await person('ana-student', 'student');
    createSession(db, ana.id, NOW, LIFE);
    const before = audit().length;
    const input = { user: ana, current: 'wrong', password: 'short', confirm: 'short', ip: '203.0.113.7', now: NOW };
    expect(await changeOwnPassword(db, auth, input)).toEqual({ ok: false, problems: { current: 'wrong', password: 'too-short' } });
    const current = 'ana-student-password-1';
    expect(await changeOwnPassword(db, auth, { ...input, current, password: current, confirm: current })).toEqual({ ok: false, problems: { password: 'same' } });
    expect(await changeOwnPassword(db, auth, { ...input, current, password: 'new-password', confirm: 'other-password' })).toEqual({ ok: false, problems: { confirm: 'mismatch' } });
    expect(sessionCount(ana.id)).toBe(1);
    expect(await changeOwnPassword(db, auth, { ...input, current, password: 'new-password', confirm: 'new-password' })).toEqual({ ok: true });
    expect(await verifyPassword(user('ana-student').passwordHash, 'new-password')).toBe(true);
    expect(user('ana-student').mustChangePassword).toBe(false);
    expect(sessionCount(ana.id)).toBe(0);
    expect(audit()).toHaveLength(before);
  });
});
