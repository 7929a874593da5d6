import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserToolsPresent, expectResultShown, HANG_WORD, REJECT_WORD, SAMPLE_MEMO, startApp, stopApp, submitMemo, useBrowser, waitForResult, WAIT, type App } from './helpers.ts';

interface Focused {
  label: string;
  visible: boolean;
}

/** What has focus now, and whether it shows a focus ring (an outline or a box-shadow); null on <body>. */
function focused(page: Page): Promise<Focused | null> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return null;
    const cs = getComputedStyle(el);
    const outline = cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) > 0;
    const shadow = cs.boxShadow !== 'none' && cs.boxShadow !== '';
    const box = el.getBoundingClientRect();
    const label = `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''} "${(el.textContent ?? '').trim().slice(0, 40)}"`;
    return { label, visible: (outline || shadow) && box.width > 0 && box.height > 0 };
  });
}

/** Presses Tab until `stop` says so (or focus leaves the page); every element reached must show its focus. */
async function tabUntil(page: Page, stop: (f: Focused) => boolean, max = 80): Promise<Focused[]> {
  const seen: Focused[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const f = await focused(page);
    if (!f) return seen;
    seen.push(f);
    expect(f.visible, `focus ring on ${f.label}`).toBe(true);
    if (stop(f)) return seen;
  }
  throw new Error(`gave up after ${max} Tabs: ${seen.map((f) => f.label).join(', ')}`);
}

describe.skipIf(!browserToolsPresent())('keyboard only, narrow screens and print', { timeout: 60_000 }, () => {
  const browser = useBrowser();
  let app: App;
  beforeAll(async () => {
    app = await startApp({ llm: 'fake' });
  });
  afterAll(() => stopApp(app));

  it('does the whole student flow with the keyboard alone, with focus always visible', async () => {
    const page = await browser.newPage();
    await page.goto(`${app.url}/`);
    const toForm = await tabUntil(page, (f) => f.label.startsWith('textarea#memo-text'));
    expect(toForm[0]!.label).toMatch(/Skip to content/);
    await page.keyboard.type(SAMPLE_MEMO);
    const [button] = await tabUntil(page, () => true);
    expect(button!.label).toMatch(/^button "Get feedback"/);
    await Promise.all([page.waitForURL(/\/evaluations\/\d+$/), page.keyboard.press('Enter')]);
    await waitForResult(page);
    await expectResultShown(page);

    // Every focusable element of the result page, the links of the highlights included, shows its focus.
    await page.goto(page.url());
    const all = (await tabUntil(page, () => false)).map((f) => f.label);
    expect(all).toEqual(expect.arrayContaining(['a "1"', 'a "2"', 'a "Revise and resubmit"']));
    await page.goto(page.url());
    await tabUntil(page, (f) => f.label.includes('Revise and resubmit'));
    await Promise.all([page.waitForURL(/\/\?revise=\d+$/), page.keyboard.press('Enter')]);
    expect(await page.locator('#memo-text').inputValue()).toBe(SAMPLE_MEMO);
  });

  it('retries a failed evaluation with the keyboard', async () => {
    const page = await browser.newPage();
    app.llm!.failing = true;
    try {
      await submitMemo(page, app.url, SAMPLE_MEMO);
      await page.getByRole('heading', { level: 1, name: "We couldn't finish this evaluation" }).waitFor({ timeout: WAIT });
    } finally {
      app.llm!.failing = false;
    }
    await tabUntil(page, (f) => f.label.startsWith('button "Try again"'));
    await page.keyboard.press('Enter');
    await waitForResult(page);
  });

  it('has no horizontal scrolling at 375 px on any student page', async () => {
    const page = await browser.newPage({ viewport: { width: 375, height: 800 } });
    const widths: Record<string, number> = {};
    const measure = async (name: string) => {
      await page.waitForLoadState('load');
      widths[name] = await page.evaluate(() => document.documentElement.scrollWidth);
    };
    await page.goto(`${app.url}/`);
    await measure('form');
    await page.goto(`${app.url}/rubric`);
    await measure('rubric');
    await submitMemo(page, app.url, `${SAMPLE_MEMO}\n\n${HANG_WORD}`);
    await measure('pending');
    await submitMemo(page, app.url, SAMPLE_MEMO);
    await waitForResult(page);
    await measure('result');
    await submitMemo(page, app.url, `${SAMPLE_MEMO}\n\n${REJECT_WORD}`);
    await page.getByRole('heading', { level: 1, name: "We couldn't finish this evaluation" }).waitFor({ timeout: WAIT });
    await measure('failed');
    await page.goto(`${app.url}/`);
    await page.locator('#memo-text').fill(`${'x'.repeat(10_001)}`);
    await page.getByRole('button', { name: 'Get feedback' }).click();
    await page.locator('#text-error').waitFor({ timeout: WAIT });
    await measure('422 form');
    for (const [name, width] of Object.entries(widths)) expect(width, name).toBeLessThanOrEqual(375);
  });

  it('prints the result without navigation or buttons', async () => {
    const page = await browser.newPage();
    await submitMemo(page, app.url, SAMPLE_MEMO);
    await waitForResult(page);
    expect(await page.locator('.site-header nav').isVisible()).toBe(true);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.site-header nav').isVisible()).toBe(false);
    expect(await page.getByRole('link', { name: 'Revise and resubmit' }).isVisible()).toBe(false);
    expect(await page.locator('.site-footer').isVisible()).toBe(false);
    expect(await page.locator('.overall-number').isVisible()).toBe(true);
    expect(await page.locator('.memo-text mark').first().isVisible()).toBe(true);
  });
});
