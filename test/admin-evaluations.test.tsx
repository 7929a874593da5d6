import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVALUATIONS_PAGE_SIZE as PAGE_SIZE } from '../src/evaluations/admin.ts';
import { makeTestApp, signedIn, type Client, type TestApp } from './helpers/app.ts';
import { DAY, expectedOrder as ordered, parseCsv, seedEvaluations, type Seeded, type SeededEvaluation, type Sort } from './helpers/seed.ts';

const NOW = Date.parse('2026-11-22T12:00:00Z');

let t: TestApp;
let admin: Client;
let seeded: Seeded;

beforeAll(async () => {
  t = makeTestApp({ now: () => NOW });
  seeded = seedEvaluations(t, { count: 10_000, now: NOW });
  admin = await signedIn(t, 'bo-admin');
});
afterAll(async () => {
  await t.close();
});

interface ListJson {
  rows: { id: number; createdAt: string; writer: string; writerId: string; status: string; errorKind: string | null; overall: number | null; band: string | null; durationMs: number | null; provider: string | null; model: string | null; excerpt: string }[];
  total: number;
  page: number;
  pageSize: number;
  pages: number;
}

async function list(query: string): Promise<ListJson> {
  const res = await admin.get(`/admin/evaluations?${query}`, { accept: 'application/json' });
  expect(res.status, query).toBe(200);
  return (await res.json()) as ListJson;
}

/** Checks total and the first page's ids of a filter against rows selected in JS. */
async function expectFilter(query: string, pick: (r: SeededEvaluation) => boolean, sort: Sort = 'date', dir: 'asc' | 'desc' = 'desc') {
  const want = ordered(seeded.rows.filter(pick), sort, dir);
  const got = await list(query);
  expect(got.total, query).toBe(want.length);
  expect(got.rows.map((r) => r.id), query).toEqual(want.slice(0, PAGE_SIZE));
  return { want, got };
}

const utcDay = (s: string) => Date.parse(`${s}T00:00:00Z`);

describe('seeded data', () => {
  it('has 10 000 evaluations with every status, four writers (two anonymous) and tied times', () => {
    expect(seeded.rows).toHaveLength(10_000);
    expect(new Set(seeded.rows.map((r) => r.status))).toEqual(new Set(['done', 'failed', 'queued', 'running']));
    expect(seeded.writers.filter((w) => w.username === null)).toHaveLength(2);
    expect(new Set(seeded.rows.map((r) => r.createdAt)).size).toBeLessThan(10_000);
  });
});

describe('filters, one at a time', () => {
  it('lists everything newest first without filters', async () => {
    const { got } = await expectFilter('', () => true);
    expect(got).toMatchObject({ total: 10_000, page: 1, pageSize: 50, pages: 200 });
  });

  it('filters by inclusive UTC days (from, to, both)', async () => {
    const [from, to] = [utcDay('2026-10-01'), utcDay('2026-10-15') + DAY];
    await expectFilter('from=2026-10-01', (r) => r.createdAt >= from);
    await expectFilter('to=2026-10-15', (r) => r.createdAt < to);
    await expectFilter('from=2026-10-01&to=2026-10-15', (r) => r.createdAt >= from && r.createdAt < to);
    await expectFilter('from=2026-11-01&to=2026-11-01', (r) => r.createdAt >= utcDay('2026-11-01') && r.createdAt < utcDay('2026-11-02'));
  });

  it('filters by writer: username case-insensitively, or a user id (anonymous writers)', async () => {
    await expectFilter('writer=cy-writer', (r) => r.username === 'Cy-Writer');
    await expectFilter('writer=DEE-STUDENT', (r) => r.username === 'dee-student');
    const anon = seeded.writers.find((w) => w.username === null)!;
    const { got } = await expectFilter(`writer=${anon.id}`, (r) => r.writerId === anon.id);
    expect(got.rows[0]!.writer).toBe(`anonymous · ${anon.id.slice(0, 6)}`);
    await expectFilter('writer=nobody-here', () => false);
  });

  it('filters by status', async () => {
    for (const status of ['queued', 'running', 'done', 'failed']) await expectFilter(`status=${status}`, (r) => r.status === status);
  });

  it('filters by an inclusive score range', async () => {
    await expectFilter('min=2.5&max=3.5', (r) => r.overall !== null && r.overall >= 2.5 && r.overall <= 3.5);
    await expectFilter('min=4.2', (r) => r.overall !== null && r.overall >= 4.2);
    await expectFilter('max=1.5', (r) => r.overall !== null && r.overall <= 1.5);
  });

  it('searches memo text: words AND-ed, the last one as a prefix, case-insensitive', async () => {
    await expectFilter('q=zeppelin', (r) => /\bzeppelin/i.test(r.memo));
    await expectFilter('q=Zeppelins', (r) => /\bzeppelins/i.test(r.memo));
    await expectFilter('q=zep', (r) => /\bzep/i.test(r.memo));
    await expectFilter('q=budget%20zeppelin', (r) => /\bbudget\b/i.test(r.memo) && /\bzeppelin/i.test(r.memo));
    await expectFilter('q=quokka', (r) => /\bquokka/i.test(r.memo));
    expect((await list('q=zeppelin')).total).toBeGreaterThan(10);
  });

  it('treats FTS5 syntax in the search as plain words, and ignores a search with no words', async () => {
    for (const q of ['"', 'zeppelin"', 'NEAR(zeppelin', 'zeppelin OR quokka', 'text:zeppelin', '*', '-zeppelin', '^zep', "zep'pelin", '(((']) {
      const res = await admin.get(`/admin/evaluations?q=${encodeURIComponent(q)}`, { accept: 'application/json' });
      expect(res.status, q).toBe(200);
    }
    expect((await list(`q=${encodeURIComponent('zeppelin OR quokka')}`)).total).toBe(0); // "OR" is a word here, found nowhere
    expect((await list(`q=${encodeURIComponent('-- *** "')}`)).total).toBe(10_000);
  });
});

describe('combined filters and sorting', () => {
  it('combines every filter', async () => {
    const from = utcDay('2026-10-01');
    const pick = (r: SeededEvaluation) => r.username === 'dee-student' && r.status === 'done' && r.overall! >= 3 && r.createdAt >= from;
    await expectFilter('writer=dee-student&status=done&min=3&from=2026-10-01&sort=score&dir=asc', pick, 'score', 'asc');
    const q = (r: SeededEvaluation) => /\bbudget\b/i.test(r.memo) && r.status === 'failed' && r.createdAt < utcDay('2026-11-15');
    await expectFilter('q=budget&status=failed&to=2026-11-14&sort=duration', q, 'duration', 'desc');
  });

  it('orders the first page correctly for every sort and direction (ties broken by id)', async () => {
    for (const sort of ['date', 'score', 'duration'] as const) {
      for (const dir of ['asc', 'desc'] as const) await expectFilter(`sort=${sort}&dir=${dir}`, () => true, sort, dir);
    }
  });

  it('puts unscored and unfinished evaluations last in both directions', async () => {
    const want = ordered(seeded.rows, 'score', 'asc');
    const last = await list('sort=score&dir=asc&page=200');
    expect(last.rows.map((r) => r.id)).toEqual(want.slice(-50));
    expect(last.rows.every((r) => r.overall === null)).toBe(true);
  });
});

describe('pages', () => {
  it('serves the last page with the remaining rows', async () => {
    const failed = seeded.rows.filter((r) => r.status === 'failed');
    const pages = Math.ceil(failed.length / PAGE_SIZE);
    const got = await list(`status=failed&page=${pages}`);
    expect(got.pages).toBe(pages);
    expect(got.rows.map((r) => r.id)).toEqual(ordered(failed).slice((pages - 1) * PAGE_SIZE));
    expect(got.rows.length).toBe(failed.length - (pages - 1) * PAGE_SIZE);
  });

  it('answers a page past the end with an empty body, a message and a link to the last page', async () => {
    const res = await admin.get('/admin/evaluations?status=done&page=999');
    expect(res.status).toBe(200);
    const html = await res.text();
    const pages = Math.ceil(seeded.rows.filter((r) => r.status === 'done').length / PAGE_SIZE);
    expect(html).toContain('<tbody id="evaluations-tbody"></tbody>');
    expect(html).toContain(`Page 999 is past the end; the last page is ${pages}.`);
    expect(html).toContain(`<a href="/admin/evaluations?status=done&amp;page=${pages}">Go to page ${pages}</a>`);
    expect((await list('page=999')).rows).toEqual([]);
  });

  it('renders pager links with rel, the page count and the total, keeping the filters', async () => {
    const html = await (await admin.get('/admin/evaluations?status=failed&page=2')).text();
    expect(html).toMatch(/<a rel="prev" href="\/admin\/evaluations\?status=failed">/);
    expect(html).toMatch(/<a rel="next" href="\/admin\/evaluations\?status=failed&amp;page=3">/);
    expect(html).toMatch(/Page 2 of \d+/);
    expect(html).toContain(`${seeded.rows.filter((r) => r.status === 'failed').length.toLocaleString('en-US')} evaluations`);
    expect(html).toContain('href="/admin/evaluations?status=failed&amp;sort=score&amp;dir=desc"');
    expect(html).toContain('aria-sort="descending"');
  });

  it('clamps page numbers that are not positive integers to page 1', async () => {
    for (const page of ['abc', '0', '-3', '1.5e3', '']) {
      const got = await list(`page=${page}`);
      expect(got.page, page).toBe(1);
      expect(got.rows.map((r) => r.id)).toEqual(ordered(seeded.rows).slice(0, PAGE_SIZE));
    }
  });
});

describe('invalid filters', () => {
  const cases: [string, string][] = [
    ['status=bogus', 'Choose queued, running, done or failed.'],
    ['from=2026-13-45', '“2026-13-45” is not a date'],
    ['to=2026-02-30', '“2026-02-30” is not a date'],
    ['min=9', 'Enter a score from 1.0 to 5.0'],
    ['max=abc', 'Enter a score from 1.0 to 5.0'],
    ['sort=bogus', 'Sort by date, score or duration.'],
    ['dir=up', 'Choose ascending or descending.'],
    ['from=2026-11-10&to=2026-11-01', 'The end day is before the start day.'],
    ['min=4&max=2', 'The highest score is below the lowest.'],
  ];
  it('answers 422 with the form, the values kept and the error beside the field (never 500)', async () => {
    for (const [query, message] of cases) {
      const res = await admin.get(`/admin/evaluations?${query}`);
      expect(res.status, query).toBe(422);
      const html = await res.text();
      expect(html, query).toContain(message);
      expect(html).toContain('<form id="evaluation-filters"');
      expect(html).toMatch(/aria-invalid="true" aria-describedby="filter-\w+-error"/);
      expect(html).not.toContain('evaluations-tbody');
    }
    const kept = await (await admin.get('/admin/evaluations?status=bogus&writer=cy-writer')).text();
    expect(kept).toContain('value="cy-writer"');
  });

  it('answers 422 as JSON, for htmx (the form alone) and for the CSV too', async () => {
    const res = await admin.get('/admin/evaluations?min=9', { accept: 'application/json' });
    expect(res.status).toBe(422);
    expect(await res.json()).toEqual({ error: 'Invalid filters', issues: { min: 'Enter a score from 1.0 to 5.0, for example 3.5.' } });
    const hx = await admin.get('/admin/evaluations?status=bogus', { 'hx-request': 'true' });
    expect(hx.status).toBe(422);
    expect(await hx.text()).toMatch(/^<form id="evaluation-filters"[^>]* data-hx-get="\/admin\/evaluations"/);
    expect((await admin.get('/admin/evaluations.csv?from=2026-13-45')).status).toBe(422);
  });
});

describe('page, htmx fragment and JSON', () => {
  it('renders the full page with a GET filter form, labelled inputs and the table', async () => {
    const res = await admin.get('/admin/evaluations?status=failed');
    const html = await res.text();
    expect(html).toContain('<!doctype html>');
    expect(html).toMatch(/<form id="evaluation-filters" class="filters" method="get" action="\/admin\/evaluations"/);
    expect(html).toContain('data-hx-target="#evaluations-tbody"');
    expect(html).toContain('data-hx-push-url="true"');
    for (const f of ['from', 'to', 'writer', 'status', 'min', 'max', 'q', 'sort', 'dir']) expect(html).toContain(`<label for="filter-${f}">`);
    expect(html).toContain('<caption>Evaluation history</caption>');
    expect(html.match(/<tr data-id="/g)).toHaveLength(50);
    expect(html).toMatch(/<td class="status-failed">failed \((timeout|rate_limited|invalid_output)\)<\/td>/);
  });

  it('answers an htmx request with only the rows, plus the pager, headers and form as partials', async () => {
    const res = await admin.get('/admin/evaluations?status=failed', { 'hx-request': 'true' });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html.startsWith('<tbody id="evaluations-tbody">')).toBe(true);
    expect(html).not.toContain('<html');
    expect(html).not.toContain('<table');
    expect(html.match(/<tr data-id="/g)).toHaveLength(50);
    expect(html).toContain('<hx-partial hx-target="#pager" hx-swap="outerHTML"><nav id="pager"');
    expect(html).toContain('<hx-partial hx-target="#evaluations-thead" hx-swap="outerHTML"><thead id="evaluations-thead">');
    // The page renders the very same rows.
    const page = await (await admin.get('/admin/evaluations?status=failed')).text();
    const body = html.slice(0, html.indexOf('</tbody>') + 8);
    expect(page).toContain(body);
  });

  it('answers JSON with rows, total, page, pageSize and pages', async () => {
    const got = await list('status=done&writer=cy-writer');
    const want = ordered(seeded.rows.filter((r) => r.status === 'done' && r.username === 'Cy-Writer'));
    expect(got).toMatchObject({ total: want.length, page: 1, pageSize: 50, pages: Math.ceil(want.length / 50) });
    const first = seeded.rows.find((r) => r.id === got.rows[0]!.id)!;
    expect(got.rows[0]).toEqual({
      id: first.id,
      createdAt: new Date(first.createdAt).toISOString(),
      writer: 'Cy-Writer',
      writerId: first.writerId,
      status: 'done',
      errorKind: null,
      overall: first.overall,
      band: first.band,
      durationMs: first.finishedAt! - first.startedAt!,
      provider: first.provider,
      model: first.model,
      providerLabel: first.provider === 'demo' ? 'demo evaluator' : 'anthropic / claude-sonnet-5-5',
      excerpt: expect.any(String),
    });
  });
});

describe('CSV export', () => {
  it('holds exactly the filtered evaluations, a column per criterion with the right scores', async () => {
    const res = await admin.get('/admin/evaluations.csv?status=done&writer=dee-student&sort=score&dir=asc&page=3');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="evaluations-20261122.csv"');
    const [header, ...rows] = parseCsv((await res.text()).replace(/^\uFEFF/, ''));
    const criteria = t.config.current.files.rubric.criteria.map((c) => c.id);
    expect(header!.slice(0, 16)).toEqual(['id', 'created_at', 'writer', 'status', 'error_kind', 'overall', 'band', 'provider', 'model', 'duration_ms', 'input_tokens', 'output_tokens', 'cache_read_tokens', 'cache_write_tokens', 'thinking_tokens', 'cost_usd']);
    expect(header!.slice(16)).toEqual([...criteria.map((id) => `score_${id}`), 'memo_chars', 'memo_excerpt']);
    const want = seeded.rows.filter((r) => r.status === 'done' && r.username === 'dee-student');
    expect(rows.map((r) => Number(r[0]))).toEqual(ordered(want, 'score', 'asc'));
    const byId = new Map(want.map((r) => [r.id, r]));
    for (const row of rows) {
      const s = byId.get(Number(row[0]))!;
      expect(row.slice(16, 16 + criteria.length).map(Number)).toEqual(criteria.map((id) => s.scores![id]));
      expect(row[1]).toBe(new Date(s.createdAt).toISOString());
      expect(Number(row[5])).toBe(s.overall);
      expect(Number(row[9])).toBe(s.finishedAt! - s.startedAt!);
      expect(Number(row[10])).toBe(s.inputTokens);
      expect(Number(row[16 + criteria.length])).toBe([...s.memo].length);
    }
  });

  it('matches the list for the same filter and leaves a missing criterion empty', async () => {
    const list1 = await list('q=zeppelin&status=done');
    const csv = parseCsv((await (await admin.get('/admin/evaluations.csv?q=zeppelin&status=done')).text()).replace(/^\uFEFF/, ''));
    expect(csv.slice(1).map((r) => Number(r[0]))).toEqual(list1.rows.map((r) => r.id));
    const criteria = t.config.current.files.rubric.criteria.map((c) => c.id);
    const missing = seeded.rows.find((r) => r.id === seeded.special.missingCriterion)!;
    const all = parseCsv(await (await admin.get(`/admin/evaluations.csv?writer=${encodeURIComponent(missing.username ?? missing.writerId)}&status=done`)).text());
    const row = all.find((r) => Number(r[0]) === missing.id)!;
    expect(row[16 + criteria.length - 1]).toBe('');
    expect(row[16]).toBe(String(missing.scores![criteria[0]!]));
  });

  it('neutralises formula cells and keeps other text verbatim (CSV is not HTML)', async () => {
    const formula = parseCsv(await (await admin.get('/admin/evaluations.csv?q=hyperlink')).text());
    expect(formula).toHaveLength(2);
    expect(formula[1]!.at(-1)).toMatch(/^'=HYPERLINK\("http:\/\/evil\.example","click me"\) hyperlink memo/);
    const script = parseCsv(await (await admin.get('/admin/evaluations.csv?q=xylophone')).text());
    expect(script[1]!.at(-1)).toMatch(/^<script>alert\("xss"\)<\/script> xylophone/);
  });
});

describe('detail page', () => {
  it('shows everything about one evaluation, with the raw prompt and response escaped', async () => {
    const id = seeded.special.script;
    const row = seeded.rows.find((r) => r.id === id)!;
    const res = await admin.get(`/admin/evaluations/${id}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain(`<h1>Evaluation #${id}</h1>`);
    expect(html).toContain('demo evaluator');
    expect(html).toMatch(/<details><summary>Raw prompt<\/summary><pre class="code">SYSTEM rubric for evaluation 5000\n&lt;memo&gt;&lt;script&gt;alert/);
    expect(html).toContain('<pre class="code">{&quot;note&quot;:&quot;&lt;b&gt;raw response 5000&lt;/b&gt;');
    expect(html).not.toContain('<script>alert');
    expect(html).toContain(`<dt>Input tokens</dt><dd>${row.inputTokens!.toLocaleString('en-US')}</dd>`);
    expect(html).toContain('<dt>Cache hits (cache read tokens)</dt><dd>4,000</dd>');
    expect(html).toContain(`<dt>Attempts (HTTP calls, all runs)</dt><dd>${row.attempts}</dd>`);
    expect(html).toContain('<dt>Rubric version</dt><dd><code>rubric-v1</code></dd>');
    expect(html).toContain(`Overall <strong>${row.overall!.toFixed(1)}</strong> · ${row.band}`);
    expect(html).toContain('href="/admin/evaluations"');
  });

  it('shows a failure with its kind and message, and answers JSON', async () => {
    const failed = seeded.rows.find((r) => r.status === 'failed')!;
    const html = await (await admin.get(`/admin/evaluations/${failed.id}`)).text();
    expect(html).toContain(`<strong>Failed (${failed.errorKind}):</strong> Seeded ${failed.errorKind} failure`);
    const res = await admin.get(`/admin/evaluations/${seeded.special.script}`, { accept: 'application/json' });
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ id: seeded.special.script, status: 'done', demo: true, attempts: expect.any(Number), cacheReadTokens: 4000, rawPrompt: expect.stringContaining('<script>') });
    // Cost is what was charged when the attempts were made; these seeded rows predate attempt records.
    expect(body.costUsd).toBeNull();
    expect(body.attemptLog).toEqual([]);
    expect((body.result as { criteria: unknown[] }).criteria).toHaveLength(t.config.current.files.rubric.criteria.length);
  });

  it('answers 404 for a malformed or unknown id', async () => {
    for (const id of ['abc', '0', '99999999', '1e3', '-1']) expect((await admin.get(`/admin/evaluations/${id}`)).status, id).toBe(404);
  });
});

describe('escaping and access', () => {
  it('escapes a memo with <script> in the list', async () => {
    const html = await (await admin.get('/admin/evaluations?q=xylophone')).text();
    expect(html).toContain('&lt;script&gt;alert(&quot;xss&quot;)&lt;/script&gt; xylophone');
    expect(html).not.toContain('<script>alert');
  });

  it('refuses people who are not admins', async () => {
    const student = await signedIn(t, 'ana-student');
    for (const path of ['/admin/evaluations', '/admin/evaluations.csv', `/admin/evaluations/${seeded.rows[0]!.id}`]) {
      const res = await student.get(path);
      expect([303, 403], path).toContain(res.status);
      expect(await res.text()).not.toContain('evaluations-tbody');
    }
  });
});
