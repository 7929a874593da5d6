import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestApp, waitForEvaluation, type TestApp } from './helpers/app.ts';
import { SAMPLE_MEMO } from './helpers/outputs.ts';

let t: TestApp;
beforeEach(() => {
  t = makeTestApp();
});
afterEach(async () => {
  await t.close();
});

describe('student flow without JavaScript', () => {
  it('posts a memo, follows the 303 to a pending page, and reaches the result', async () => {
    const c = t.client();
    const form = await c.get('/');
    expect(form.status).toBe(200);
    const formHtml = await form.text();
    expect(formHtml).toContain('<form');
    expect(formHtml).toContain('action="/submissions"');
    expect(formHtml).toContain('name="text"');

    const res = await c.post('/submissions', { text: SAMPLE_MEMO });
    expect(res.status).toBe(303);
    const location = res.headers.get('location')!;
    expect(location).toMatch(/^\/evaluations\/\d+$/);
    await waitForEvaluation(t, Number(location.split('/').pop()));

    const html = await (await c.get(location)).text();
    for (const crit of t.config.current.files.rubric.criteria) expect(html).toContain(crit.name);
    expect(html).toMatch(/overall-number">\d\.\d/);
    expect(html).toContain('Strengths');
    expect(html).toContain('Opportunities');
    expect(html).toContain('<mark');
    expect(html).toContain('demo evaluator');
  });
});
