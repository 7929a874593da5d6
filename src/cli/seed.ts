import { hashPassword } from '../auth/passwords.ts';
import { loadAppConfig } from '../config/index.ts';
import { ConfigStore } from '../config-versions/store.ts';
import { openDatabase } from '../db/client.ts';
import { claimNextQueued } from '../db/queries/evaluations.ts';
import { insertSubmissionWithEvaluation } from '../db/queries/submissions.ts';
import { findUserByUsername, insertAccount, insertAnonymousWriter } from '../db/queries/users.ts';
import { ProviderGate } from '../jobs/provider-gate.ts';
import { runEvaluation } from '../jobs/run-evaluation.ts';
import { demoProvider } from '../llm/demo.ts';
import { LlmError, type LlmProvider } from '../llm/types.ts';
import { createLogger } from '../logger.ts';
import { MEMO_SEEDS, seedMemo } from './seed-memos.ts';
import { DAY } from '../time.ts';


/** Every 20th call fails as if the provider rejected the request (not retried), so admin pages show failures. */
function sometimesFailing(demo: LlmProvider): LlmProvider {
  let n = 0;
  return { ...demo, complete: (req, signal) => (++n % 20 === 0 ? Promise.reject(new LlmError('bad_request', 'The provider rejected the request (HTTP 400 invalid_request_error)', { httpStatus: 400, errorType: 'invalid_request_error' })) : demo.complete(req, signal)) };
}

/** `npm run seed [-- COUNT]`: demo writers, accounts and COUNT evaluated memos over the last 30 days. */
async function main(): Promise<void> {
  const count = Number(process.argv[2] ?? 120);
  if (!Number.isInteger(count) || count < 1 || count > 200_000) throw new Error('usage: npm run seed -- [COUNT 1..200000]');
  const config = loadAppConfig();
  const db = openDatabase(config.env.databasePath);
  const log = createLogger('error');
  const store = new ConfigStore(config.env, config.files, () => sometimesFailing(demoProvider({ delayMs: 0 })));
  const now = Date.now();
  console.log(`Seeding ${count} evaluations into ${config.env.databasePath}`);

  const writers: string[] = [];
  for (const [username, role] of [['ana-student', 'student'], ['ben-student', 'student'], ['bo-admin', 'admin']] as const) {
    const existing = findUserByUsername(db, username);
    const id = existing?.id ?? insertAccount(db, { username, passwordHash: await hashPassword(`${username}-password`), role, mustChangePassword: false, now });
    if (role === 'student') writers.push(id);
    if (!existing) console.log(`  account ${username} (password: ${username}-password)`);
  }
  for (let i = 0; i < 3; i++) writers.push(insertAnonymousWriter(db, now));

  const createdAt = (i: number) => now - Math.floor(((count - i) / count) * 30 * DAY);
  for (let i = 0; i < count; i++) {
    const text = seedMemo(MEMO_SEEDS[i % MEMO_SEEDS.length]!, i, (i % 3) as 0 | 1 | 2);
    insertSubmissionWithEvaluation(db, { writerId: writers[i % writers.length]!, text, parentId: null, now: createdAt(i) });
  }
  let done = 0;
  for (let job = claimNextQueued(db, now); job; job = claimNextQueued(db, now)) {
    // Claimed at `now`; a made-up clock gives each run a plausible 2-11 s duration.
    let tick = 0;
    const clock = () => now + (tick++ === 0 ? 0 : 2000 + ((job!.id * 3700) % 9000));
    await runEvaluation({ db, config: store, now: clock, log, gate: new ProviderGate(clock, () => store.current.files.llm.backoff) }, job, new AbortController().signal);
    if (++done % 500 === 0 || done === count) process.stdout.write(`  evaluated ${done}/${count}\n`);
  }
  db.$client.close();
  console.log('Done. Start the app with `npm start` and sign in as bo-admin.');
}

main().catch((err: unknown) => {
  console.error((err as Error).message);
  process.exitCode = 1;
});
