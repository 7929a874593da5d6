import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserToolsPresent, expectFieldError, expectResultShown, SAMPLE_MEMO, startApp, stopApp, submitMemo, useBrowser, waitForResult, WAIT, type App } from './helpers.ts';

declare global {
  interface Window {
    __marker?: string;
  }
}

/** Sets a window-level marker and counts page loads: a full reload would lose the one and bump the other. */
async function markWindow(page: Page): Promise<() => Promise<{ marker: string | undefined; loads: number }>> {
  await page.evaluate(() => (window.__marker = 'still here'));
  let loads = 0;
  page.on('load', () => loads++);
  return async () => ({ marker: await page.evaluate(() => window.__marker), loads });
}

// The same flow with JavaScript on: htmx posts the form, polls the pending panel and swaps the result in.
describe.skipIf(!browserToolsPresent())('student flow with JavaScript (htmx)', { timeout: 60_000 }, () => {
  const browser = useBrowser();
  let app: App;
  beforeAll(async () => {
    app = await startApp({ llm: 'fake' });
  });
  afterAll(() => stopApp(app));

  it('swaps the result in without a reload, announces it, and revises', async () => {
    const page = await browser.newPage();
    await page.goto(`${app.url}/`);
    await page.getByLabel('Your memo').fill(SAMPLE_MEMO);
    expect(await page.locator('.char-count').textContent()).toBe(`${[...SAMPLE_MEMO].length} / 10,000`);
    const sent = page.waitForRequest((r) => r.method() === 'POST' && r.url().endsWith('/submissions'));
    await Promise.all([page.waitForURL(/\/evaluations\/\d+$/), page.getByRole('button', { name: 'Get feedback' }).click()]);
    expect((await sent).headers()['hx-request']).toBe('true');

    expect(await page.locator('h1').textContent()).toBe('Evaluating your memo…');
    const check = await markWindow(page);
    const poll = page.waitForRequest((r) => r.url() === page.url() && r.headers()['hx-request'] === 'true');
    await waitForResult(page);
    await poll;
    expect(await check()).toEqual({ marker: 'still here', loads: 0 });
    await expectResultShown(page);
    const announcer = page.locator('#announcer');
    expect(await announcer.getAttribute('aria-live')).toBe('polite');
    await expect.poll(() => announcer.textContent(), { timeout: WAIT }).toMatch(/^Evaluation ready\. Overall score 3\.0 out of 5: .+\.$/);

    await page.getByRole('link', { name: 'Revise and resubmit' }).click();
    await page.waitForURL(/\/\?revise=\d+$/);
    expect(await page.locator('#memo-text').inputValue()).toBe(SAMPLE_MEMO);
  });

  it('swaps in a failure, and Try again brings the result', async () => {
    const page = await browser.newPage();
    app.llm!.failing = true;
    try {
      await submitMemo(page, app.url, SAMPLE_MEMO);
      await page.getByRole('heading', { level: 1, name: "We couldn't finish this evaluation" }).waitFor({ timeout: WAIT });
      await expect.poll(() => page.locator('#announcer').textContent()).toBe('The evaluation could not be completed.');
      expect(await page.locator('.memo-text').textContent()).toBe(SAMPLE_MEMO);
    } finally {
      app.llm!.failing = false;
    }
    await page.getByRole('button', { name: 'Try again' }).click();
    await waitForResult(page);
    await expectResultShown(page);
  });

  it('swaps validation errors into the form in place, keeping the text', async () => {
    const page = await browser.newPage();
    await page.goto(`${app.url}/`);
    const check = await markWindow(page);
    const area = page.locator('#memo-text');
    const send = async () => {
      const res = page.waitForResponse((r) => r.url().endsWith('/submissions'));
      await page.getByRole('button', { name: 'Get feedback' }).click();
      expect((await res).status()).toBe(422);
    };
    await area.evaluate((el) => el.removeAttribute('required'));
    await send();
    await expectFieldError(page, /Your memo is empty/, '');

    const blank = ' \n \n ';
    await area.fill(blank);
    await send();
    await expectFieldError(page, /only spaces or blank lines/, blank);

    const long = `${SAMPLE_MEMO} ${'y'.repeat(10_000)}`;
    await area.fill(long);
    await send();
    await expectFieldError(page, /characters long; the limit is 10,000/, long);
    // The counter is wired up again on the swapped-in form.
    expect(await page.locator('.char-count.over').count()).toBe(1);
    expect(page.url()).toBe(`${app.url}/`);
    expect(await check()).toEqual({ marker: 'still here', loads: 0 });
  });
});
