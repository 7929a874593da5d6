import { loadAppConfig } from '../config/index.ts';
import { openDatabase } from '../db/client.ts';
import { backupWithOffsiteCopy } from '../jobs/offsite.ts';

/** `npm run backup`: an online backup now (safe while the server runs), then the off-site copy if configured. */
async function main(): Promise<void> {
  const { env } = loadAppConfig();
  const db = openDatabase(env.databasePath);
  try {
    console.log(`Backing up ${env.databasePath} (keeping ${env.backupRetention}${env.restic.repository ? ', then off-site with restic' : ''})`);
    const res = await backupWithOffsiteCopy(db, env, Date.now, (m) => console.log(`  ${m}`));
    for (const name of res.removed) console.log(`  removed old backup ${name}`);
    if (res.offsite?.ok === false) throw new Error(`the local backup ${res.file} is done, but the off-site copy failed: ${res.offsite.error}`);
  } finally {
    db.$client.close();
  }
}

main().catch((err: unknown) => {
  console.error(`Backup failed: ${(err as Error).message}`);
  process.exitCode = 1;
});
