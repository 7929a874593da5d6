import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, browserToolsPresent, CRITERIA, SAMPLE_MEMO, startApp, stopApp, submitMemo, useBrowser, waitForResult, WAIT, type App } from './helpers.ts';

declare global {
  interface Window {
    __swaps?: Array<{ title: string; h1: string; arrived: number }>;
  }
}

const TOTAL = CRITERIA.length;
const SITE = ' · Memo AI Coach';

/** The title the page should have for what it shows. */
function expectedTitle(s: { h1: string; arrived: number }): string {
  if (s.h1 === 'Your feedback') return `Your feedback${SITE}`;
  return s.arrived > 0 ? `Evaluating… (${s.arrived} of ${TOTAL})${SITE}` : `Evaluating…${SITE}`;
}

/** Without JavaScript the page reloads itself every 2 s: a look that a reload cut short is taken again. */
async function betweenReloads<T>(fn: () => Promise<T>): Promise<T> {
  for (let i = 0; ; i++) {
    try {
      return await fn();
    } catch (err) {
      if (i >= 4 || !/context was destroyed|navigat/i.test(String(err))) throw err;
    }
  }
}

/** What the page shows now: title, heading and how many criteria have arrived. */
function snapshot(page: Page) {
  return page.evaluate(() => ({
    title: document.title,
    h1: document.querySelector('h1')?.textContent ?? '',
    arrived: document.querySelectorAll('.criteria-progress .criterion:not(.placeholder)').length,
    placeholders: document.querySelectorAll('.criteria-progress .criterion.placeholder').length,
  }));
}

// Issue 16: criteria appear one by one while the model writes, with and without JavaScript.
describe.skipIf(!browserToolsPresent())('streamed criteria in the browser', { timeout: 60_000 }, () => {
  const browser = useBrowser();
  let app: App;
  beforeAll(async () => {
    app = await startApp({ llm: 'fake' });
    // About 1.5 s of "thinking", then the answer at 60 tokens a second (~5 s in all).
    app.llm!.delayMs = 0;
    app.llm!.fake.streamPace = { thinkingMs: 1500, tokensPerSecond: 60 };
  });
  afterAll(() => stopApp(app));

  it('without JavaScript, the reloading page shows the first criterion well before the result, titled by its state', async () => {
    const page = await browser.newPage({ javaScriptEnabled: false });
    const started = Date.now();
    await submitMemo(page, app.url, SAMPLE_MEMO);
    await page.locator('.criteria-progress .criterion:not(.placeholder)').first().waitFor({ timeout: WAIT });
    const firstAt = Date.now() - started;
    const early = await betweenReloads(() => snapshot(page));
    expect(early.h1).toBe('Evaluating your memo…');
    expect(early.arrived).toBeGreaterThan(0);
    expect(early.arrived).toBeLessThan(TOTAL);
    expect(early.title).toBe(expectedTitle(early));
    expect(early.placeholders).toBe(TOTAL - early.arrived);
    await waitForResult(page);
    const doneAt = Date.now() - started;
    expect(firstAt).toBeLessThan(doneAt - 1000);
    expect(await page.title()).toBe(`Your feedback${SITE}`);
  });

  it('with JavaScript, htmx morphs each new criterion in, announces it, and the tab title follows every swap', async () => {
    const page = await browser.newPage();
    const started = Date.now();
    await submitMemo(page, app.url, SAMPLE_MEMO);
    // htmx sets document.title from the fragment's <title> after htmx:after:swap; finally:swap comes after that.
    await page.evaluate(() => {
      window.__swaps = [];
      document.addEventListener('htmx_finally_swap', () =>
        window.__swaps!.push({
          title: document.title,
          h1: document.querySelector('h1')?.textContent ?? '',
          arrived: document.querySelectorAll('.criteria-progress .criterion:not(.placeholder)').length,
        }),
      );
    });
    await page.locator('.criteria-progress .criterion:not(.placeholder)').first().waitFor({ timeout: WAIT });
    const firstAt = Date.now() - started;
    expect(await axeViolations(page)).toEqual([]);
    await expect.poll(() => page.locator('#announcer').textContent(), { timeout: WAIT }).toMatch(new RegExp(`^\\d of ${TOTAL} criteria ready\\. .+: \\d out of 5\\.$`));
    await waitForResult(page);
    const doneAt = Date.now() - started;
    expect(firstAt).toBeLessThan(doneAt - 1000);
    await expect.poll(() => page.title(), { timeout: WAIT }).toBe(`Your feedback${SITE}`);
    await expect.poll(() => page.locator('#announcer').textContent(), { timeout: WAIT }).toMatch(/^Evaluation ready\./);

    const swaps = await page.evaluate(() => window.__swaps!);
    expect(swaps.some((s) => s.arrived > 0 && s.h1 === 'Evaluating your memo…')).toBe(true);
    for (const s of swaps) expect(s.title).toBe(expectedTitle(s));
    expect(swaps[swaps.length - 1]!.h1).toBe('Your feedback');
    // The finished panel no longer polls.
    const polls = swaps.length;
    await page.waitForTimeout(2500);
    expect((await page.evaluate(() => window.__swaps!)).length).toBe(polls);
  });
});
