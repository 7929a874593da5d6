import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserToolsPresent, expectFieldError, expectResultShown, SAMPLE_MEMO, startApp, stopApp, submitMemo, useBrowser, waitForResult, WAIT, type App } from './helpers.ts';

// The student flow with JavaScript switched off: plain forms, 303s and <noscript><meta refresh>.
describe.skipIf(!browserToolsPresent())('student flow without JavaScript', { timeout: 60_000 }, () => {
  const browser = useBrowser();
  let app: App;
  beforeAll(async () => {
    app = await startApp({ llm: 'fake' });
  });
  afterAll(() => stopApp(app));
  const noJs = () => browser.newPage({ javaScriptEnabled: false });

  it('submits, waits on a page that reloads itself, reads the result, then revises', async () => {
    const page = await noJs();
    const id = await submitMemo(page, app.url, SAMPLE_MEMO);
    // The pending page: no script runs, so it refreshes itself through <noscript><meta http-equiv=refresh>.
    expect(await page.locator('h1').textContent()).toBe('Evaluating your memo…');
    expect(await page.locator('noscript meta[http-equiv="refresh"]').count()).toBe(1);
    expect(await page.getByRole('link', { name: 'Reload now' }).getAttribute('href')).toBe(`/evaluations/${id}`);
    await waitForResult(page);
    expect(page.url()).toBe(`${app.url}/evaluations/${id}`);
    await expectResultShown(page);

    await page.getByRole('link', { name: 'Revise and resubmit' }).click();
    await page.waitForURL(/\/\?revise=\d+$/);
    expect(await page.locator('h1').textContent()).toBe('Revise and resubmit');
    expect(await page.locator('#memo-text').inputValue()).toBe(SAMPLE_MEMO);
    expect(await page.locator('input[name="parent"]').getAttribute('value')).toMatch(/^\d+$/);
    await page.locator('#memo-text').fill(`${SAMPLE_MEMO}\n\nRevised: the vendor confirmed the February slot.`);
    await Promise.all([page.waitForURL(/\/evaluations\/\d+$/), page.getByRole('button', { name: 'Get feedback' }).click()]);
    expect(Number(/(\d+)$/.exec(page.url())![1])).toBeGreaterThan(id);
    await waitForResult(page);
  });

  it('shows a failed evaluation with the memo kept, and Try again brings the result', async () => {
    const page = await noJs();
    app.llm!.failing = true;
    try {
      await submitMemo(page, app.url, SAMPLE_MEMO);
      await page.getByRole('heading', { level: 1, name: "We couldn't finish this evaluation" }).waitFor({ timeout: WAIT });
      expect(await page.locator('.error-notice').textContent()).toContain('could not be reached');
      expect(await page.locator('.memo-text').textContent()).toBe(SAMPLE_MEMO);
    } finally {
      app.llm!.failing = false;
    }
    await page.getByRole('button', { name: 'Try again' }).click();
    await waitForResult(page);
    await expectResultShown(page);
  });

  it('refuses an empty, blank or too long memo with the error beside the field and the text kept', async () => {
    const page = await noJs();
    await page.goto(`${app.url}/`);
    // The browser's own check (required) stops an empty form before it is sent ...
    await page.getByRole('button', { name: 'Get feedback' }).click();
    expect(page.url()).toBe(`${app.url}/`);
    expect(await page.locator('#memo-text').evaluate((el) => (el as HTMLTextAreaElement).validity.valueMissing)).toBe(true);
    // ... and without it the server answers 422 with the form again.
    await page.locator('#memo-text').evaluate((el) => el.removeAttribute('required'));
    await page.getByRole('button', { name: 'Get feedback' }).click();
    await expectFieldError(page, /Your memo is empty/, '');

    const blank = '   \n\n   ';
    await page.locator('#memo-text').fill(blank);
    await page.getByRole('button', { name: 'Get feedback' }).click();
    await expectFieldError(page, /only spaces or blank lines/, blank);

    const long = `${SAMPLE_MEMO} ${'x'.repeat(10_000)}`;
    await page.locator('#memo-text').fill(long);
    await page.getByRole('button', { name: 'Get feedback' }).click();
    await expectFieldError(page, /characters long; the limit is 10,000/, long);
    expect(await page.title()).toMatch(/^Error: /);
  });
});
