import { loadAppConfig } from '../config/index.ts';
import { openDatabase } from '../db/client.ts';
import { runBackup } from '../jobs/backup.ts';

/** `npm run backup`: an online backup now (safe while the server runs), with progress. */
async function main(): Promise<void> {
  const { env } = loadAppConfig();
  const db = openDatabase(env.databasePath);
  try {
    console.log(`Backing up ${env.databasePath} (keeping ${env.backupRetention})`);
    const res = await runBackup(db, { dataDir: env.dataDir, retention: env.backupRetention, now: Date.now, progress: (m) => console.log(`  ${m}`) });
    for (const name of res.removed) console.log(`  removed old backup ${name}`);
  } finally {
    db.$client.close();
  }
}

main().catch((err: unknown) => {
  console.error(`Backup failed: ${(err as Error).message}`);
  process.exitCode = 1;
});
