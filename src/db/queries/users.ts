import { and, asc, count, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { sessions, submissions, users, type User } from '../schema.ts';
import { randomId } from '../../auth/random.ts';

/** Creates an anonymous writer (open student mode); returns its id. */
export function insertAnonymousWriter(db: Db, now: number): string {
  const id = randomId();
  db.insert(users).values({ id, role: 'student', anonymous: true, createdAt: now }).run();
  return id;
}

export interface NewAccount {
  username: string;
  passwordHash: string;
  role: User['role'];
  mustChangePassword: boolean;
  now: number;
}

/** Creates a named account; returns its id. Throws on a duplicate username (unique index). */
export function insertAccount(db: Db, a: NewAccount): string {
  const id = randomId();
  db.insert(users).values({ id, username: a.username, passwordHash: a.passwordHash, role: a.role, mustChangePassword: a.mustChangePassword, createdAt: a.now }).run();
  return id;
}

/** One user by id, or undefined. */
export function findUserById(db: Db, id: string): User | undefined {
  return db.select().from(users).where(eq(users.id, id)).get();
}

/** One named user by username, case-insensitively, or undefined. */
export function findUserByUsername(db: Db, username: string): User | undefined {
  return db.select().from(users).where(sql`lower(${users.username}) = lower(${username})`).get();
}

/** Number of active admins (the last one can't be demoted or deactivated). */
export function countActiveAdmins(db: Db): number {
  return db.select({ n: count() }).from(users).where(and(eq(users.role, 'admin'), eq(users.active, true))).get()?.n ?? 0;
}

/** Stores a new password hash and whether it must be changed at next login. */
export function updatePassword(db: Db, id: string, passwordHash: string, mustChange: boolean): void {
  db.update(users).set({ passwordHash, mustChangePassword: mustChange }).where(eq(users.id, id)).run();
}

/** Records a successful login. */
export function recordLogin(db: Db, id: string, now: number): void {
  db.update(users).set({ lastLoginAt: now }).where(eq(users.id, id)).run();
}

/** Changes a user's role; a promotion to admin also requires a new password (admins need longer ones). */
export function updateRole(db: Db, id: string, role: User['role']): void {
  db.update(users).set(role === 'admin' ? { role, mustChangePassword: true } : { role }).where(eq(users.id, id)).run();
}

/** Activates or deactivates a user. */
export function updateActive(db: Db, id: string, active: boolean): void {
  db.update(users).set({ active }).where(eq(users.id, id)).run();
}

/** Named accounts for the admin users page, admins first then by name. */
export function listAccounts(db: Db): Pick<User, 'id' | 'username' | 'role' | 'active' | 'mustChangePassword' | 'lastLoginAt' | 'createdAt'>[] {
  return db
    .select({ id: users.id, username: users.username, role: users.role, active: users.active, mustChangePassword: users.mustChangePassword, lastLoginAt: users.lastLoginAt, createdAt: users.createdAt })
    .from(users)
    .where(eq(users.anonymous, false))
    .orderBy(asc(users.role), asc(sql`lower(${users.username})`))
    .all();
}

/** Creates many named accounts in one transaction (all or none); returns their ids in order. */
export function insertAccounts(db: Db, accounts: NewAccount[]): string[] {
  return db.transaction(() => accounts.map((a) => insertAccount(db, a)));
}

/** Which of these usernames already exist (case-insensitively), as stored. */
export function findTakenUsernames(db: Db, names: string[]): string[] {
  if (names.length === 0) return [];
  const lower = [...new Set(names.map((n) => n.toLowerCase()))];
  return db
    .select({ username: users.username })
    .from(users)
    .where(inArray(sql`lower(${users.username})`, lower))
    .all()
    .map((r) => r.username ?? '');
}


/** Deletes anonymous writers nothing points to any more: no memo and no live session. Returns how many. */
export function deleteEmptyAnonymousWriters(db: Db): number {
  return db
    .delete(users)
    .where(and(eq(users.anonymous, true), sql`not exists (select 1 from ${submissions} where ${submissions.writerId} = ${users.id})`, sql`not exists (select 1 from ${sessions} where ${sessions.userId} = ${users.id})`))
    .run().changes;
}
