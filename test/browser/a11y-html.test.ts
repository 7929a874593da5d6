import type { APIResponse, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, browserToolsPresent, HANG_WORD, logIn, REJECT_WORD, SAMPLE_MEMO, startApp, stopApp, submitMemo, useBrowser, vnuErrors, waitForResult, WAIT, type App } from './helpers.ts';

/**
 * Every page, with JavaScript on: axe-core finds no WCAG 2.2 A/AA violation, the console shows no
 * Content-Security-Policy violation (checked after each test by useBrowser), and the server's own
 * HTML of each page is collected for one run of the Nu Html Checker at the end.
 */
describe.skipIf(!browserToolsPresent({ java: true }))('accessibility, valid HTML and CSP on every page', { timeout: 60_000 }, () => {
  const browser = useBrowser();
  let app: App;
  /** Page name → the HTML the server sent for it. */
  const docs = new Map<string, string>();
  let resultId = 0;
  beforeAll(async () => {
    app = await startApp({ llm: 'fake' });
  });
  afterAll(() => stopApp(app));

  const origin = () => ({ origin: app.url });

  /** Keeps the server's HTML of a response (raw, not the DOM after scripts ran). */
  async function keep(name: string, res: APIResponse, status = 200): Promise<void> {
    expect(res.status(), name).toBe(status);
    expect(res.headers()['content-type']).toMatch(/^text\/html/);
    docs.set(name, await res.text());
  }

  /** axe on what the browser shows now; the server's HTML for the same URL (same cookies) is kept too. */
  async function check(page: Page, name: string, status = 200): Promise<void> {
    await page.waitForLoadState('load');
    expect(await axeViolations(page), name).toEqual([]);
    await keep(name, await page.request.get(page.url()), status);
  }

  /**
   * A page only a POST answers with (422, 403): its HTML is kept, then shown to the browser as a GET
   * of the same URL with the same headers (axe needs JavaScript, which a no-JS page lacks).
   */
  async function posted(page: Page, name: string, res: APIResponse, status: number): Promise<void> {
    await keep(name, res, status);
    await page.route(res.url(), (route) => route.fulfill({ response: res }));
    await page.goto(res.url());
    expect(await axeViolations(page), name).toEqual([]);
    await page.unrouteAll();
  }

  async function open(page: Page, path: string, name: string, status = 200): Promise<void> {
    const res = await page.goto(`${app.url}${path}`);
    expect(res?.status(), name).toBe(status);
    await check(page, name, status);
  }

  it('student pages: form, rubric, pending, result with highlights, failed', async () => {
    const page = await browser.newPage();
    await open(page, '/', 'form');
    await open(page, '/rubric', 'rubric');

    await submitMemo(page, app.url, SAMPLE_MEMO);
    await waitForResult(page);
    expect(await page.locator('.memo-text mark').count()).toBeGreaterThan(0);
    resultId = Number(/(\d+)$/.exec(page.url())![1]);
    // htmx swapped the result in and announced it; axe sees that DOM, the checker the server's page.
    await expect.poll(() => page.locator('#announcer').textContent()).toMatch(/^Evaluation ready/);
    await check(page, 'result');

    await open(page, `/?revise=${resultId}`, 'revise form');
    await page.locator('#memo-text').fill(`${SAMPLE_MEMO}\n\nRevised.`);
    await Promise.all([page.waitForURL(/\/evaluations\/\d+$/), page.getByRole('button', { name: 'Get feedback' }).click()]);
    await waitForResult(page);
    await check(page, 'revised result');

    await submitMemo(page, app.url, `${SAMPLE_MEMO}\n\n${HANG_WORD}`);
    expect(await page.locator('h1').textContent()).toBe('Evaluating your memo…');
    await check(page, 'pending');

    await submitMemo(page, app.url, `${SAMPLE_MEMO}\n\n${REJECT_WORD}`);
    await page.getByRole('heading', { level: 1, name: "We couldn't finish this evaluation" }).waitFor({ timeout: WAIT });
    await check(page, 'failed');
    await open(page, '/history', 'history');

    // The other language: same checks on the form in Spanish.
    const es = await browser.newPage();
    await es.goto(`${app.url}/rubric`);
    await Promise.all([es.waitForURL(/\/rubric$/), es.getByRole('button', { name: 'Español' }).click()]);
    expect(await es.locator('html').getAttribute('lang')).toBe('es');
    await check(es, 'rubric (es)');
    await open(es, '/', 'form (es)');
  });

  it('error pages: 404, 422 memo form (page and htmx swap), 403 cross-site post', async () => {
    const page = await browser.newPage();
    await open(page, '/no-such-page', 'not found', 404);
    await open(page, '/evaluations/999999', 'evaluation not found', 404);

    await page.goto(`${app.url}/`);
    await page.locator('#memo-text').fill('   ');
    await page.getByRole('button', { name: 'Get feedback' }).click();
    await page.locator('#text-error').waitFor({ timeout: WAIT });
    expect(await axeViolations(page), '422 swapped in by htmx').toEqual([]);
    // The 422 as a full page, as a browser without JavaScript gets it; the 403 of a cross-site post.
    const post = (form: Record<string, string>, from = app.url) => page.request.post(`${app.url}/submissions`, { multipart: form, headers: { origin: from } });
    await posted(page, '422 empty', await post({ text: '   ' }), 422);
    await posted(page, '422 too long', await post({ text: 'x'.repeat(10_001) }), 422);
    await posted(page, '403 cross-site', await post({ text: 'memo' }, 'http://evil.example'), 403);
  });

  it('sign-in pages: /login, /login with an error, /account/password', async () => {
    const page = await browser.newPage();
    await open(page, '/login', 'login');
    await page.getByLabel('Username').fill('nobody-here');
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').waitFor({ timeout: WAIT });
    expect(await axeViolations(page), 'login error').toEqual([]);
    const res = await page.request.post(`${app.url}/login`, { form: { username: 'nobody-here', password: 'wrong', next: '/' }, headers: origin() });
    expect([401, 422]).toContain(res.status());
    await keep('login error', res, res.status());

    await logIn(page, app.url);
    await open(page, '/account/password', 'password change');
  });

  it('every admin page', async () => {
    const page = await browser.newPage();
    await logIn(page, app.url);
    await check(page, 'admin dashboard');
    await open(page, '/admin/evaluations', 'admin evaluations');
    await open(page, '/admin/evaluations?min=9', 'admin evaluations 422', 422);
    await open(page, `/admin/evaluations/${resultId || 1}`, 'admin evaluation detail');
    await open(page, '/admin/users', 'admin users');
    await open(page, '/admin/sessions', 'admin sessions');
    await open(page, '/admin/config', 'admin config index');
    await open(page, '/admin/config/llm', 'admin config edit');

    // A draft (its page shows the diff and the calibration gate), published anyway so the version page has a diff to show; then an invalid one (422 with line numbers).
    const yaml = page.locator('#yaml');
    await yaml.fill((await yaml.inputValue()).replace('max_output_tokens: 16000', 'max_output_tokens: 15000'));
    await page.getByLabel('What changed and why').fill('Shorter answers');
    await Promise.all([page.waitForURL(/\/admin\/config/), page.getByRole('button', { name: /save/i }).click()]);
    await open(page, '/admin/config/llm/drafts/1', 'admin config draft');
    const published = await page.request.post(`${app.url}/admin/config/llm/drafts/1/publish`, { form: { override: '1', override_note: 'No calibration run in this test' }, headers: origin() });
    expect(published.status()).toBe(200);
    await open(page, '/admin/config/llm/versions/2', 'admin config version');
    await open(page, '/admin/config/llm/versions/0', 'admin config shipped version');
    const broken = await page.request.post(`${app.url}/admin/config/llm`, { form: { yaml: 'max_chars: lots\n', note: 'Broken on purpose' }, headers: origin() });
    await posted(page, 'admin config 422', broken, 422);
    expect(await page.locator('#main').textContent()).toContain('max_chars');

    await open(page, '/admin/audit', 'admin audit');
    await open(page, '/admin/system', 'admin system');
  });

  it('assignment, review and flag pages (console and student)', async () => {
    const page = await browser.newPage();
    await logIn(page, app.url);
    const create = (fields: Record<string, string>) => page.request.post(`${app.url}/admin/assignments`, { form: fields, headers: origin(), maxRedirects: 0 });
    const made = await create({ title: 'Lease renewal', slug: 'lease-renewal', context: 'Harbor Logistics: renew the lease?', release: 'review', open: 'on' });
    expect(made.status()).toBe(303);
    await create({ title: 'Closed task', slug: 'closed-task', context: '', release: 'immediate' });
    await open(page, '/admin/assignments', 'admin assignments');
    await posted(page, 'admin assignments 422', await create({ title: '', slug: 'Bad Slug!', context: '', release: 'sometimes' }), 422);
    await open(page, made.headers().location!, 'admin assignment');
    await open(page, `${made.headers().location!}/analytics`, 'admin assignment analytics');

    const student = await browser.newPage();
    await open(student, '/', 'assignment list');
    await open(student, '/a/lease-renewal', 'assignment form');
    await open(student, '/a/closed-task', 'assignment closed');
    const sent = await student.request.post(`${app.url}/submissions`, { form: { text: SAMPLE_MEMO, assignment: 'lease-renewal' }, headers: origin(), maxRedirects: 0 });
    const id = Number(/(\d+)$/.exec(sent.headers().location!)![1]);
    await student.goto(`${app.url}/evaluations/${id}`);
    await student.getByRole('heading', { level: 1, name: /waiting for your instructor/ }).waitFor({ timeout: WAIT });
    await check(student, 'awaiting review');

    await open(page, '/admin/reviews', 'admin review queue');
    await open(page, `/admin/reviews/${id}`, 'admin review form');
    await posted(page, 'admin review 422', await page.request.post(`${app.url}/admin/reviews/${id}`, { form: { action: 'save', note: '', score_structure: '99' }, headers: origin() }), 422);
    const values = ((await (await page.request.get(`${app.url}/admin/reviews/${id}`, { headers: { accept: 'application/json' } })).json()) as { values: { scores: Record<string, string> } }).values.scores;
    const fields: Record<string, string> = { action: 'release', note: 'Well argued.' };
    for (const [k, v] of Object.entries(values)) fields[`score_${k}`] = v;
    expect((await page.request.post(`${app.url}/admin/reviews/${id}`, { form: fields, headers: origin(), maxRedirects: 0 })).status()).toBe(303);
    await open(student, `/evaluations/${id}`, 'released result');
    await posted(student, 'flag 422', await student.request.post(`${app.url}/evaluations/${id}/flag`, { form: { reason: '' }, headers: origin() }), 422);
  });

  it('anchor memo and calibration pages (a finished run with its strip plots)', async () => {
    const page = await browser.newPage();
    await logIn(page, app.url);
    const base = '/admin/assignments/1/anchors';
    await open(page, base, 'admin anchors');
    await open(page, `${base}/new`, 'admin anchor new');
    await open(page, `${base}/strong-warehouse-automation`, 'admin anchor edit');
    const bad = await page.request.post(`${app.url}${base}/strong-warehouse-automation`, { form: { yaml: 'id: strong-warehouse-automation\ntitle: [unclosed\n', note: 'Broken on purpose' }, headers: origin() });
    await posted(page, 'admin anchor 422', bad, 422);

    await open(page, '/admin/calibration', 'admin calibration runs');
    const started = await page.request.post(`${app.url}/admin/calibration`, { form: { assignment: 'memo', samples: '1' }, headers: origin(), maxRedirects: 0 });
    expect(started.status()).toBe(303);
    const run = started.headers().location!;
    await open(page, run, 'admin calibration run in progress');
    const deadline = Date.now() + WAIT;
    let status = '';
    while (Date.now() < deadline && status !== 'done') {
      status = ((await (await page.request.get(`${app.url}${run}`, { headers: { accept: 'application/json' } })).json()) as { status: string }).status;
      if (status !== 'done') await new Promise((r) => setTimeout(r, 250));
    }
    expect(status).toBe('done');
    await open(page, run, 'admin calibration run');
    expect(await page.locator('svg').count()).toBeGreaterThan(0);
  });

  it('the Nu Html Checker finds no errors in the HTML of any of those pages', () => {
    expect(docs.size).toBeGreaterThanOrEqual(30);
    // A broken document rides along to prove the checker runs and reports (and that hx-* is not waved through).
    const broken = '<!doctype html><html lang="en"><head><title>x</title></head><body><p hx-bogus="1"><div></div></p></body></html>';
    const errors = vnuErrors(new Map([...docs, ['zz-broken-on-purpose', broken]]));
    expect(errors.filter((e) => e.startsWith('zz-broken-on-purpose')).join('\n')).toMatch(/hx-bogus[\s\S]*No “p” element in scope/);
    expect(errors.filter((e) => !e.startsWith('zz-broken-on-purpose'))).toEqual([]);
  });

  it('the CSP watcher does notice a violation (so "none" above means none)', async () => {
    const page = await browser.newPage();
    await page.goto(`${app.url}/`);
    await page.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.name = "inline"';
      document.body.append(s);
    });
    await expect.poll(() => browser.cspSeen(page).length).toBeGreaterThan(0);
    expect(browser.cspSeen(page).join('\n')).toMatch(/Content Security Policy/);
    browser.forgetCsp(page);
  });
});
