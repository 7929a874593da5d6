import { hashPassword } from '../auth/passwords.ts';
import { randomId } from '../auth/random.ts';
import { invalidateUserSessions } from '../auth/sessions.ts';
import { loadAppConfig } from '../config/index.ts';
import { openDatabase } from '../db/client.ts';
import { findUserByUsername, insertAccount, updatePassword, updateRole } from '../db/queries/users.ts';

/**
 * `npm run create-admin -- USERNAME`: creates an admin, or makes an existing account an admin with
 * a new password. The password comes from ADMIN_PASSWORD or is generated, printed once, and must be
 * changed at first sign-in.
 */
async function main(): Promise<void> {
  const username = process.argv[2]?.trim();
  if (!username || !/^[A-Za-z0-9._-]{3,40}$/.test(username)) throw new Error('usage: npm run create-admin -- USERNAME (3-40 letters, digits, . _ -)');
  const config = loadAppConfig();
  const min = config.files.auth.password.admin_min_length;
  const given = config.env.adminPassword;
  if (given && [...given].length < min) throw new Error(`ADMIN_PASSWORD must be at least ${min} characters`);
  const password = given || randomId();
  const db = openDatabase(config.env.databasePath);
  const hash = await hashPassword(password);
  const existing = findUserByUsername(db, username);
  if (existing) {
    updateRole(db, existing.id, 'admin');
    updatePassword(db, existing.id, hash, !given);
    invalidateUserSessions(db, existing.id);
    console.log(`Made ${username} an admin with a new password; their sessions were ended.`);
  } else {
    insertAccount(db, { username, passwordHash: hash, role: 'admin', mustChangePassword: !given, now: Date.now() });
    console.log(`Created admin ${username}.`);
  }
  if (!given) console.log(`Password (shown once, must be changed at first sign-in): ${password}`);
  db.$client.close();
}

main().catch((err: unknown) => {
  console.error((err as Error).message);
  process.exitCode = 1;
});
