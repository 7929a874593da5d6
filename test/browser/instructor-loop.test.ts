import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, browserToolsPresent, logIn, SAMPLE_MEMO, startApp, stopApp, useBrowser, WAIT, type App } from './helpers.ts';

// Issue 14 in a real Chromium: an admin sets up a review-before-release assignment through the
// console (JavaScript on), a student answers it with JavaScript off, the admin changes a score and
// releases, and the student sees it. axe-core checks every new page on the way.
describe.skipIf(!browserToolsPresent())('assignment with review before release, in the browser', { timeout: 90_000 }, () => {
  const browser = useBrowser();
  let app: App;
  beforeAll(async () => {
    app = await startApp({ llm: 'fake' });
  });
  afterAll(() => stopApp(app));

  async function axe(page: Page, name: string): Promise<void> {
    await page.waitForLoadState('load');
    expect(await axeViolations(page), name).toEqual([]);
  }

  it('creates the assignment, takes a memo without JavaScript, holds it, and shows the released review', async () => {
    const staff = await browser.newPage();
    await logIn(staff, app.url);
    await staff.goto(`${app.url}/admin/assignments`);
    await axe(staff, 'assignments list');
    await staff.getByLabel('Title').fill('Warehouse lease memo');
    await staff.getByLabel('Slug').fill('warehouse-lease');
    await staff.getByLabel('Brief').fill('Harbor Logistics; the COO decides whether to renew the Oakland lease for five years.');
    await staff.getByLabel('Results reach students').selectOption('review');
    await Promise.all([staff.waitForURL(/\/admin\/assignments\/\d+$/), staff.getByRole('button', { name: /create/i }).click()]);
    await axe(staff, 'assignment page');
    expect(await staff.locator('h1').textContent()).toBe('Warehouse lease memo');

    // The student, JavaScript off: the assignment's own address, a plain form post.
    const student = await browser.newPage({ javaScriptEnabled: false });
    await student.goto(`${app.url}/a/warehouse-lease`);
    expect(await student.locator('#main').textContent()).toContain('Warehouse lease memo');
    expect(await student.locator('#main').textContent()).toContain('renew the Oakland lease');
    await student.getByLabel('Your memo').fill(SAMPLE_MEMO);
    await Promise.all([student.waitForURL(/\/evaluations\/\d+$/), student.getByRole('button', { name: 'Get feedback' }).click()]);
    const id = Number(/(\d+)$/.exec(student.url())![1]);
    await student.getByRole('heading', { level: 1, name: /waiting for your instructor/ }).waitFor({ timeout: WAIT });
    expect(await student.locator('.overall-number').count()).toBe(0);
    expect(await student.locator('noscript meta[http-equiv="refresh"]').count()).toBe(0); // nothing to poll for now

    await staff.goto(`${app.url}/admin/reviews`);
    await axe(staff, 'review queue');
    await Promise.all([staff.waitForURL(new RegExp(`/admin/reviews/${id}$`)), staff.locator(`a[href="/admin/reviews/${id}"]`).first().click()]);
    await axe(staff, 'review form');
    const firstScore = staff.locator('select[name^="score_"]').first();
    const name = (await firstScore.getAttribute('name'))!.slice('score_'.length);
    const ai = Number(await firstScore.inputValue());
    const changed = ai === 5 ? 3 : ai + 1;
    await firstScore.selectOption(String(changed));
    await staff.locator(`textarea[name="comment_${name}"]`).fill('Open with the recommendation: the COO reads the first line.');
    await Promise.all([staff.waitForURL(/\/admin\/reviews/), staff.getByRole('button', { name: /release/i }).click()]);

    await student.goto(`${app.url}/evaluations/${id}`);
    await student.getByRole('heading', { level: 1, name: 'Your feedback' }).waitFor({ timeout: WAIT });
    expect(await student.locator('#main').textContent()).toContain('Open with the recommendation: the COO reads the first line.');
    const withJs = await browser.newPage();
    await withJs.context().addCookies(await student.context().cookies());
    await withJs.goto(`${app.url}/evaluations/${id}`);
    await axe(withJs, 'released result with the flag form');
    expect(await withJs.locator('#flag-reason').count()).toBe(1);
  });
});
