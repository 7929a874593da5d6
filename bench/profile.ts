import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { SAMPLE_MEMO } from '../test/helpers/outputs.ts';
import { configDir, login, runLoad, startApp, submitMemo, waitDone } from './lib.ts';
import { seedHistory } from './seed-history.ts';
import { summariseProfile } from './profile-summary.ts';

// npm run bench:profile: the production server under `node --cpu-prof`, loaded on one page at a time
// (GET /, a finished result, the admin history's page 1); prints each profile's top self-time functions.
// BENCH_PROFILE_DIR keeps the .cpuprofile files (open them in Chrome DevTools); BENCH_PAGE=admin profiles one page.

const SECONDS = Number(process.env.BENCH_DURATION ?? 8);
const HISTORY = Number(process.env.BENCH_HISTORY ?? 100_000);
const ADMIN = { username: 'bench-admin', password: 'bench-admin-password-1' };
const OPEN_LIMITS = { rate_limits: { submissions_per_writer_per_hour: 100_000, requests_per_ip_per_hour: 10_000_000, logins_per_ip_per_15_minutes: 100_000 } };
const NCPU = cpus().length;

type Page = { name: string; path: string; as: 'anonymous' | 'writer' | 'admin' };
const PAGES: Page[] = [
  { name: 'GET /', path: '/', as: 'anonymous' },
  { name: 'GET /evaluations/:id', path: '/evaluations/:id', as: 'writer' },
  { name: 'GET /admin/evaluations (page 1)', path: '/admin/evaluations', as: 'admin' },
];

/** One server per page, so each profile holds that page's work only. */
async function profilePage(work: string, page: Page, profDir: string): Promise<void> {
  const dir = join(profDir, page.name.replace(/[^a-z0-9]+/gi, '-'));
  const env = { DATA_DIR: join(work, 'data'), CONFIG_DIR: join(work, 'config'), ADMIN_USERNAME: ADMIN.username, ADMIN_PASSWORD: ADMIN.password };
  const app = await startApp(env, join(work, 'app.log'), NCPU, ['--cpu-prof', `--cpu-prof-dir=${dir}`]);
  try {
    const writer = await submitMemo(app.url, SAMPLE_MEMO);
    await waitDone(app.url, writer.id, writer.cookie);
    const cookie = page.as === 'writer' ? writer.cookie : page.as === 'admin' ? await login(app.url, ADMIN.username, ADMIN.password) : '';
    const url = app.url + page.path.replace(':id', String(writer.id));
    const r = await runLoad({ url, headers: cookie ? { cookie } : {}, duration: SECONDS, connections: 10 }, NCPU);
    process.stderr.write(`${page.name}: ${r.requests.average.toFixed(0)} req/s under the profiler\n`);
  } finally {
    await app.stop();
  }
  const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
  process.stdout.write(`\n## ${page.name}\n\n${file ? summariseProfile(join(dir, file), 15) : '(no profile written)'}\n`);
}

async function main(): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'memoai-profile-'));
  const profDir = process.env.BENCH_PROFILE_DIR ?? join(work, 'profiles');
  try {
    seedHistory(join(work, 'data', 'memoai.db'), HISTORY);
    configDir(join(work, 'config'), { llm: { provider: 'demo', demo_delay_ms: 0 }, auth: OPEN_LIMITS });
    for (const page of PAGES.filter((p) => p.name.includes(process.env.BENCH_PAGE ?? ''))) await profilePage(work, page, profDir);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
