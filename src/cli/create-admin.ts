import { adminPasswordEnvError, USERNAME_PATTERN, USERNAME_RULE } from '../auth/account-policy.ts';
import { makeAdmin, type AccountProblems } from '../auth/accounts.ts';
import type { AuthConfig } from '../config/schemas.ts';
import { loadAppConfig } from '../config/index.ts';
import { openDatabase } from '../db/client.ts';

/** Who the audit log names for this command: no account did it. */
const CLI_ACTOR = { id: null, username: 'create-admin (command line)' };

/** Why the account could not be made an admin, in a sentence. */
function problemText(problems: AccountProblems, auth: AuthConfig): string {
  if (problems.password) return adminPasswordEnvError(problems.password, auth);
  return problems.username === 'taken' ? 'That username was just taken; run the command again.' : USERNAME_RULE;
}

/**
 * `npm run create-admin -- USERNAME`: creates an admin, or makes an existing account an admin with
 * a new password (see makeAdmin; audited). The password comes from ADMIN_PASSWORD or is generated,
 * printed once, and must be changed at first sign-in.
 */
async function main(): Promise<void> {
  const username = process.argv[2]?.trim();
  if (!username || !USERNAME_PATTERN.test(username)) throw new Error(`usage: npm run create-admin -- USERNAME (${USERNAME_RULE})`);
  const config = loadAppConfig();
  const auth = config.files.auth;
  const db = openDatabase(config.env.databasePath);
  try {
    const res = await makeAdmin(db, auth, { actor: CLI_ACTOR, now: Date.now() }, { username, password: config.env.adminPassword });
    if (!res.ok) throw new Error(problemText(res.problems, auth));
    console.log(res.created ? `Created admin ${username}.` : `Made ${username} an admin with a new password; their sessions were ended.`);
    if (res.generated) console.log(`Password (shown once, must be changed at first sign-in): ${res.password}`);
  } finally {
    db.$client.close();
  }
}

main().catch((err: unknown) => {
  console.error((err as Error).message);
  process.exitCode = 1;
});
