import type { Env } from '../config/env.ts';
import type { AuthConfig } from '../config/schemas.ts';
import type { Db } from '../db/client.ts';
import { withAudit } from '../db/queries/audit.ts';
import { countActiveAdmins, insertAccount } from '../db/queries/users.ts';
import { adminPasswordEnvError, passwordProblem } from './account-policy.ts';
import { hashPassword } from './passwords.ts';
import { randomId } from './random.ts';

export type BootstrapResult =
  | { created: false }
  | { created: true; username: string; generatedPassword?: string };

/**
 * With no active admin, creates the first one: from ADMIN_USERNAME/ADMIN_PASSWORD, or as `admin`
 * with a generated password that must be changed at first login (the caller prints it once).
 */
export async function ensureFirstAdmin(db: Db, env: Env, auth: AuthConfig, now: number): Promise<BootstrapResult> {
  if (countActiveAdmins(db) > 0) return { created: false };
  const username = env.adminUsername || 'admin';
  if (env.adminPassword) {
    const problem = passwordProblem(env.adminPassword, 'admin', auth);
    if (problem) throw new Error(adminPasswordEnvError(problem, auth));
    createFirstAdmin(db, { username, passwordHash: await hashPassword(env.adminPassword), generated: false, now });
    return { created: true, username };
  }
  const generatedPassword = `${randomId()}`;
  createFirstAdmin(db, { username, passwordHash: await hashPassword(generatedPassword), generated: true, now });
  return { created: true, username, generatedPassword };
}

/** The first admin and its audit entry, in one transaction (the actor is the start-up itself). */
function createFirstAdmin(db: Db, a: { username: string; passwordHash: string; generated: boolean; now: number }): void {
  const entry = { actor: { id: null, username: 'first start' }, action: 'user.create', target: a.username, details: { role: 'admin', generatedPassword: a.generated }, now: a.now };
  withAudit(db, entry, () => insertAccount(db, { username: a.username, passwordHash: a.passwordHash, role: 'admin', mustChangePassword: a.generated, now: a.now }));
}
