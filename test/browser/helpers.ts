import AxeBuilder from '@axe-core/playwright';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, type TestContext } from 'vitest';
import { shippedConfig } from '../helpers/app.ts';
import { FakeAnthropic } from '../helpers/fake-anthropic.ts';
import { freePort } from '../helpers/net.ts';
import { SAMPLE_MEMO, validOutput } from '../helpers/outputs.ts';
import { startServer, type ServerProcess } from '../helpers/server-process.ts';

const ROOT = join(import.meta.dirname, '../..');
export const CHROMIUM = '/usr/bin/chromium';
export const VNU_JAR = join(ROOT, 'node_modules/vnu-jar/build/dist/vnu.jar');
const ARTIFACTS = join(ROOT, 'test-results/browser');
const LAUNCH_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
/** Every wait in these tests is bounded by this (ms). */
export const WAIT = 15_000;

/** The memo the student tests send, and passages of it the fake model comments on (they become <mark>s). */
export { SAMPLE_MEMO };
export const QUOTES = ['I recommend we approve $240,000 to automate picking at the Dayton warehouse by March 31.', 'The main risk is downtime during installation.'];
/** Memos containing these words make the fake model hang (pending forever) or refuse the request (failed). */
export const HANG_WORD = 'zz-hang-zz';
export const REJECT_WORD = 'zz-reject-zz';

function javaWorks(): boolean {
  return spawnSync('java', ['-version'], { stdio: 'ignore' }).status === 0;
}

/**
 * True when Chromium (and, with `java`, Java plus the Nu checker) are here. Locally the suites skip
 * without them; in CI (`CI` set) a missing tool is an error, so nothing is skipped silently.
 */
export function browserToolsPresent(opts: { java?: boolean } = {}): boolean {
  const missing = [existsSync(CHROMIUM) ? '' : `${CHROMIUM} (apt-get install chromium)`];
  if (opts.java) missing.push(javaWorks() ? '' : 'java (apt-get install default-jre-headless)', existsSync(VNU_JAR) ? '' : VNU_JAR);
  const gone = missing.filter(Boolean);
  if (gone.length && process.env.CI) throw new Error(`browser tests need: ${gone.join(', ')}`);
  return gone.length === 0;
}

/** Scripted stand-in for Claude: valid output with comments on QUOTES; `failing` makes every call a 500. */
export class FakeLlm {
  readonly fake = new FakeAnthropic();
  failing = false;
  /** How long a normal answer takes, so the pending page is seen first. */
  delayMs = 1500;

  constructor() {
    const rubric = shippedConfig().rubric;
    this.fake.responder = (req) => {
      const body = JSON.stringify(req.body);
      if (body.includes(HANG_WORD)) return { kind: 'hang' };
      if (body.includes(REJECT_WORD)) return { kind: 'error', status: 400, type: 'invalid_request_error' };
      // A 500 outlasts the in-place retries and fails the memo (a 429/529 would make it wait instead).
      // Each takes a moment too, so the pending page is on screen before the failure swaps in
      // (an instant failure could finish before the browser even reaches the pending page).
      if (this.failing) return { kind: 'error', status: 500, type: 'api_error', delayMs: 300 };
      const quotes = QUOTES.filter((q) => body.includes(q));
      return { kind: 'message', text: JSON.stringify(validOutput(rubric, { quotes })), delayMs: this.delayMs };
    };
  }
}

export interface App {
  url: string;
  dataDir: string;
  llm: FakeLlm | undefined;
  server: ServerProcess;
}

export const ADMIN = { username: 'root-admin', password: 'correct-horse-battery-staple-42' };

/**
 * Starts the real server (src/server.ts via tsx) on a free port with its own data folder; the first
 * admin comes from ADMIN_USERNAME/ADMIN_PASSWORD. `llm: 'fake'` points the Anthropic provider at FakeLlm,
 * otherwise the demo evaluator runs. `seed` runs `src/cli/seed.ts COUNT` against the same database.
 */
export async function startApp(opts: { llm?: 'demo' | 'fake'; seed?: number } = {}): Promise<App> {
  const dataDir = mkdtempSync(join(tmpdir(), 'memoai-browser-'));
  const port = await freePort();
  const llm = opts.llm === 'fake' ? new FakeLlm() : undefined;
  if (llm) await llm.fake.start();
  const env: Record<string, string> = {
    DATA_DIR: dataDir,
    PORT: String(port),
    PUBLIC_ORIGIN: `http://127.0.0.1:${port}`,
    SHUTDOWN_GRACE_SECONDS: '1',
    ADMIN_USERNAME: ADMIN.username,
    ADMIN_PASSWORD: ADMIN.password,
    ...(llm ? { ANTHROPIC_API_KEY: 'test', ANTHROPIC_BASE_URL: llm.fake.url } : {}),
  };
  const server = await startServer(env);
  if (opts.seed) await seed(dataDir, opts.seed);
  return { url: server.url, dataDir, llm, server };
}

/** `npm run seed -- COUNT` into the app's data folder (the queue is not notified, so the seeder runs them all). */
async function seed(dataDir: string, count: number): Promise<void> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/seed.ts'), String(count)], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d) => (out += String(d)));
  child.stderr.on('data', (d) => (out += String(d)));
  const killer = setTimeout(() => child.kill('SIGKILL'), 20_000);
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  clearTimeout(killer);
  if (code !== 0) throw new Error(`seed failed (${code}):\n${out}`);
}

export async function stopApp(app: App | undefined): Promise<void> {
  if (!app) return;
  app.server.child.kill('SIGTERM');
  const killer = setTimeout(() => app.server.child.kill('SIGKILL'), 5000);
  await app.server.exited;
  clearTimeout(killer);
  await app.llm?.fake.stop();
  rmSync(app.dataDir, { recursive: true, force: true });
}

interface Tracked {
  context: BrowserContext;
  /** Console lines and page errors that mention the Content Security Policy. */
  csp: string[];
}

/**
 * One browser for a test file. `newPage` gives a page in a fresh context (its own cookies); with
 * JavaScript on, every console message and page error is watched for CSP violations, which fail the
 * test. When a test fails, each of its pages is saved as test-results/browser/<test>.{png,html}.
 */
export function useBrowser() {
  let browser: Browser | undefined;
  let open: Tracked[] = [];
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: LAUNCH_ARGS, headless: true, timeout: WAIT });
  });
  afterEach(async (ctx) => {
    const tracked = open;
    open = [];
    try {
      if (ctx.task.result?.state === 'fail') await saveArtifacts(ctx, tracked);
      const violations = tracked.flatMap((t) => t.csp);
      expect(violations, 'Content-Security-Policy violations').toEqual([]);
    } finally {
      await Promise.all(tracked.map((t) => t.context.close()));
    }
  });
  afterAll(async () => {
    await browser?.close();
  });

  return {
    async newPage(opts: BrowserContextOptions = {}): Promise<Page> {
      if (!browser) throw new Error('browser not launched');
      const context = await browser.newContext({ javaScriptEnabled: true, ...opts });
      context.setDefaultTimeout(WAIT);
      context.setDefaultNavigationTimeout(WAIT);
      const t: Tracked = { context, csp: [] };
      open.push(t);
      if (opts.javaScriptEnabled !== false) await watchCsp(context, t.csp);
      return context.newPage();
    },
    /** CSP lines seen so far on a page's context (for the check that the watcher works). */
    cspSeen(page: Page): string[] {
      return open.find((t) => t.context === page.context())?.csp ?? [];
    },
    /** Forget what a context saw (after deliberately provoking a violation). */
    forgetCsp(page: Page): void {
      const t = open.find((x) => x.context === page.context());
      if (t) t.csp.length = 0;
    },
  };
}

async function watchCsp(context: BrowserContext, out: string[]): Promise<void> {
  const isCsp = (s: string) => /Content[ -]Security[ -]Policy/i.test(s);
  // The report event catches violations that never reach the console (e.g. blocked style attributes).
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`Content Security Policy violation: ${e.violatedDirective} blocked ${e.blockedURI || 'inline'}`);
    });
  });
  context.on('page', (page) => {
    page.on('console', (m) => {
      if (isCsp(m.text())) out.push(`${page.url()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => {
      if (isCsp(String(e.message))) out.push(`${page.url()}: ${e.message}`);
    });
  });
}

async function saveArtifacts(ctx: TestContext, tracked: Tracked[]): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const file = basename(ctx.task.file?.name ?? 'browser').replace(/\.test\.ts$/, '');
  const base = `${file}-${ctx.task.name}`.replace(/[^A-Za-z0-9._-]+/g, '-').slice(0, 120);
  const pages = tracked.flatMap((t) => t.context.pages());
  for (const [i, page] of pages.entries()) {
    const name = join(ARTIFACTS, i === 0 ? base : `${base}-${i + 1}`);
    try {
      await page.screenshot({ path: `${name}.png`, fullPage: true, timeout: 5000 });
      writeFileSync(`${name}.html`, await page.content());
    } catch (err) {
      writeFileSync(`${name}.error.txt`, String(err));
    }
  }
}

/** axe-core with the WCAG 2.0/2.1/2.2 A and AA rules: the violations, one readable line each. */
export async function axeViolations(page: Page): Promise<string[]> {
  const res = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  return res.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

export interface VnuMessage {
  type: string;
  subType?: string;
  url?: string;
  lastLine?: number;
  message: string;
  extract?: string;
}

/** Runs the Nu Html Checker once over the given documents (name → HTML); returns its errors. */
export function vnuErrors(docs: Map<string, string>): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'memoai-vnu-'));
  try {
    const files = [...docs].map(([name, html]) => {
      const path = join(dir, `${name.replace(/[^A-Za-z0-9._-]+/g, '-')}.html`);
      writeFileSync(path, html);
      return path;
    });
    const res = spawnSync('java', ['-Xss8m', '-jar', VNU_JAR, '--format', 'json', '--stdout', '--exit-zero-always', ...files], { encoding: 'utf8', timeout: 20_000, maxBuffer: 64 * 1024 * 1024 });
    if (res.error || !res.stdout) throw new Error(`vnu did not run: ${res.error?.message ?? res.stderr}`);
    const { messages } = JSON.parse(res.stdout) as { messages: VnuMessage[] };
    return messages
      .filter((m) => (m.type === 'error' || m.type === 'non-document-error'))
      .map((m) => `${basename(m.url ?? '')}:${m.lastLine ?? '?'} ${m.message} [${(m.extract ?? '').trim()}]`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Signs in through the login form (JavaScript on or off) and waits for the next page. */
export async function logIn(page: Page, base: string, user = ADMIN, next = '/admin'): Promise<void> {
  await page.goto(`${base}/login?next=${encodeURIComponent(next)}`);
  await page.getByLabel('Username').fill(user.username);
  await page.getByLabel('Password').fill(user.password);
  await Promise.all([page.waitForURL((u) => u.pathname === next), page.getByRole('button', { name: 'Sign in' }).click()]);
}

/** Submits a memo through the form and waits for its evaluation page; returns the evaluation id. */
export async function submitMemo(page: Page, base: string, memo: string): Promise<number> {
  await page.goto(`${base}/`);
  await page.getByLabel('Your memo').fill(memo);
  await Promise.all([page.waitForURL(/\/evaluations\/\d+$/), page.getByRole('button', { name: 'Get feedback' }).click()]);
  return Number(/\/evaluations\/(\d+)$/.exec(page.url())![1]);
}

/** Waits until the page shows the finished result. */
export async function waitForResult(page: Page): Promise<void> {
  await page.getByRole('heading', { level: 1, name: 'Your feedback' }).waitFor({ timeout: WAIT });
}

/** The shipped rubric's criterion names, each of which the result page must show. */
export const CRITERIA = shippedConfig().rubric.criteria.map((c) => c.name);

/** The result page shows the overall score and band, every criterion, and a <mark> for each quoted passage. */
export async function expectResultShown(page: Page): Promise<void> {
  await expect.poll(() => page.locator('.overall-number').textContent()).toMatch(/^\d\.\d$/);
  expect((await page.locator('.overall-band').textContent())?.trim()).not.toBe('');
  const names = await page.locator('.criteria h3').allTextContents();
  expect(names.map((n) => n.trim())).toEqual(CRITERIA);
  const marks = await page.locator('.memo-text mark').allTextContents();
  expect(marks.map((m) => m.replace(/\d+$/, ''))).toEqual(QUOTES);
  for (const [i] of QUOTES.entries()) await expect.poll(() => page.locator(`#note-${i + 1}`).isVisible()).toBe(true);
}

/** A 422 form: the error sits beside the textarea (described by it), which still holds the text. */
export async function expectFieldError(page: Page, message: RegExp, text: string): Promise<void> {
  const error = page.locator('#submission-form #text-error');
  await error.waitFor({ timeout: WAIT });
  expect(await error.textContent()).toMatch(message);
  const area = page.locator('#memo-text');
  expect(await area.getAttribute('aria-invalid')).toBe('true');
  expect((await area.getAttribute('aria-describedby'))?.split(' ')).toContain('text-error');
  expect((await area.inputValue()).replace(/\r\n/g, '\n')).toBe(text);
  // Beside the field: the error comes right before the textarea in the same form.
  expect(await error.evaluate((el) => el.nextElementSibling?.id)).toBe('memo-text');
}
