import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shippedConfig } from '../helpers/app.ts';
import { browserToolsPresent, logIn, startApp, stopApp, useBrowser, type App } from './helpers.ts';

const SEEDED = 120;
// src/cli/seed.ts: every 20th evaluation fails; one memo in five is the webinar memo (MEMO_SEEDS[1]).
const FAILED = SEEDED / 20;
const WEBINAR = SEEDED / 5;

const rows = (page: Page) => page.locator('#evaluations-tbody tr');
const pagerText = (page: Page) => page.locator('#pager p').first().textContent();
const rowIds = async (page: Page) => (await rows(page).locator('th a').allTextContents()).map((s) => Number(s.slice(1)));

/** Fills the filter form and shows the result (htmx swaps the rows in; without JS it is a GET); true when htmx sent it. */
async function filter(page: Page, fields: { status?: string; q?: string }): Promise<boolean> {
  await page.getByLabel('Status').selectOption(fields.status ?? '');
  await page.getByLabel('Memo contains').fill(fields.q ?? '');
  const q = new URLSearchParams({ ...(fields.status ? { status: fields.status } : {}), ...(fields.q ? { q: fields.q } : {}) });
  const [res] = await Promise.all([
    page.waitForResponse((r) => r.url().includes('/admin/evaluations?') && r.status() === 200),
    page.getByRole('button', { name: 'Show evaluations' }).click(),
  ]);
  await page.waitForURL((u) => [...q].every(([k, v]) => u.searchParams.get(k) === v));
  return res.request().headers()['hx-request'] === 'true';
}

describe.skipIf(!browserToolsPresent())('admin console in the browser', { timeout: 60_000 }, () => {
  const browser = useBrowser();
  let app: App;
  beforeAll(async () => {
    app = await startApp({ llm: 'demo', seed: SEEDED });
  }, 60_000);
  afterAll(() => stopApp(app));

  for (const js of [true, false]) {
    it(`logs in, pages through and filters the history, opens an evaluation (JavaScript ${js ? 'on' : 'off'})`, async () => {
      const page = await browser.newPage({ javaScriptEnabled: js });
      await logIn(page, app.url);
      expect(await page.locator('h1').textContent()).toBe('Dashboard');
      await page.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: 'Evaluations' }).click();
      await page.waitForURL(/\/admin\/evaluations$/);
      expect(await pagerText(page)).toBe(`${SEEDED} evaluations · Page 1 of 3`);
      expect(await rows(page).count()).toBe(50);
      const first = await rowIds(page);

      await page.getByRole('link', { name: 'Next page →' }).click();
      await page.waitForURL(/page=2/);
      expect(await pagerText(page)).toBe(`${SEEDED} evaluations · Page 2 of 3`);
      const second = await rowIds(page);
      expect(second).toHaveLength(50);
      expect(Math.max(...second)).toBeLessThan(Math.min(...first)); // newest first, no overlap
      await page.getByRole('link', { name: 'Next page →' }).click();
      await page.waitForURL(/page=3/);
      expect(await rows(page).count()).toBe(SEEDED - 100);
      expect(await page.getByRole('link', { name: 'Next page →' }).count()).toBe(0);

      expect(await filter(page, { status: 'failed' })).toBe(js);
      await expect.poll(() => pagerText(page)).toBe(`${FAILED} evaluations · Page 1 of 1`);
      for (const cell of await rows(page).locator('td.status-failed').allTextContents()) expect(cell).toMatch(/^failed/);
      expect(await rows(page).count()).toBe(FAILED);

      await filter(page, { q: 'webinar' });
      await expect.poll(() => pagerText(page)).toBe(`${WEBINAR} evaluations · Page 1 of 1`);
      for (const excerpt of await rows(page).locator('td.excerpt').allTextContents()) expect(excerpt).toContain('Priya Shah');

      const link = rows(page).first().locator('th a');
      const id = (await link.textContent())!.slice(1);
      await link.click();
      await page.waitForURL(new RegExp(`/admin/evaluations/${id}$`));
      expect(await page.locator('h1').textContent()).toBe(`Evaluation #${id}`);
      expect(await page.getByRole('heading', { name: 'Debug' }).count()).toBe(1);
      expect(await page.getByText('Priya Shah').count()).toBeGreaterThan(0);
    });
  }

  it('exports the filtered history as CSV', async () => {
    const page = await browser.newPage({ acceptDownloads: true });
    await logIn(page, app.url, undefined, '/admin/evaluations');
    await filter(page, { status: 'failed' });
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download these as CSV' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^evaluations-\d{8}\.csv$/);
    const lines = readFileSync(await download.path(), 'utf8').replace(/^\uFEFF/, '').trimEnd().split(/\r?\n/);
    const criteria = shippedConfig().rubric.criteria.map((c) => `score_${c.id}`);
    expect(lines[0]!.split(',')).toEqual(['id', 'created_at', 'writer', 'status', 'error_kind', 'overall', 'band', 'provider', 'model', 'duration_ms', 'input_tokens', 'output_tokens', 'cache_read_tokens', 'cache_write_tokens', 'thinking_tokens', 'cost_usd', ...criteria, 'memo_chars', 'memo_excerpt']);
    expect(lines).toHaveLength(FAILED + 1);
    for (const line of lines.slice(1)) expect(line.split(',')[3]).toBe('failed');
  });
});
