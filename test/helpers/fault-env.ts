import { expect } from 'vitest';
import { anthropicProvider } from '../../src/llm/anthropic.ts';
import { studentMessage } from '../../src/llm/messages.ts';
import type { ErrorKind } from '../../src/llm/types.ts';
import { makeTestApp, signedIn, waitForEvaluation, type Client, type TestApp } from './app.ts';
import { FakeAnthropic } from './fake-anthropic.ts';
import { checkedBody, escapeHtml, expectNoInjectedMarkup, metricValue } from './page-checks.ts';

// Shared plumbing of the fault-injection suite: the real app and the real SDK against FakeAnthropic.

export const KEY = 'sk-ant-fault-test-key';
/** Per-attempt timeout of the SDK in these tests. */
export const TIMEOUT_MS = 400;

export interface FaultEnv {
  fake: FakeAnthropic;
  t: TestApp;
  student: Client;
  admin: Client;
}

export async function startFaultEnv(): Promise<FaultEnv> {
  const fake = new FakeAnthropic();
  await fake.start();
  const t = makeTestApp({
    // One in-place retry of 5xx/timeouts, and a short wait when the provider asks to slow down.
    files: (f) => ({ ...f, llm: { ...f.llm, max_retries: 1, backoff: { initial_seconds: 0.05, max_seconds: 0.2 } } }),
    provider: (files) =>
      anthropicProvider({
        baseURL: fake.url,
        apiKey: KEY,
        timeoutMs: TIMEOUT_MS,
        model: files.llm.model,
        promptCaching: true,
      }),
  });
  return { fake, t, student: t.client(), admin: await signedIn(t, 'bo-admin') };
}

export async function stopFaultEnv(env: FaultEnv): Promise<void> {
  await env.t.close();
  await env.fake.stop();
}

export interface EvaluationRow {
  id: number;
  submission_id: number;
  status: string;
  error_kind: string | null;
  error_message: string | null;
  attempts: number;
  runs: number;
  raw_prompt: string | null;
  raw_response: string | null;
  result_json: string | null;
  overall: number | null;
  provider: string | null;
  model: string | null;
}

/** The columns of one `evaluations` row that the fault tests look at; throws when there is none. */
export function evaluationRow(t: TestApp, id: number): EvaluationRow {
  const r = t.db.$client.prepare('select * from evaluations where id = ?').get(id) as EvaluationRow | undefined;
  if (!r) throw new Error(`no evaluation ${id}`);
  return r;
}

/** Posts the memo as the student does, waits for the queue, returns the evaluation id. */
export async function submitAndWait(env: FaultEnv, memo: string): Promise<number> {
  const res = await env.student.post('/submissions', { text: memo });
  expect(res.status).toBe(303);
  const id = Number((res.headers.get('location') ?? '').split('/').pop());
  expect(id).toBeGreaterThan(0);
  await waitForEvaluation(env.t, id);
  return id;
}

/** The memo is kept: the submissions row holds it verbatim. */
export function expectMemoKept(env: FaultEnv, id: number, memo: string): void {
  const row = evaluationRow(env.t, id);
  const sub = env.t.db.$client.prepare('select text from submissions where id = ?').get(row.submission_id) as { text: string } | undefined;
  expect(sub?.text).toBe(memo);
}

/** The student's page in the failed state: the plain message, the memo, a Try again button; no internals. */
export async function expectFailedPage(env: FaultEnv, id: number, kind: ErrorKind, memo: string): Promise<void> {
  const html = await checkedBody(await env.student.get(`/evaluations/${id}`), `evaluation ${id}`, [200]);
  expect(html).toContain(escapeHtml(studentMessage(kind)));
  expect(html).toContain(escapeHtml(memo));
  expect(html).toMatch(new RegExp(`<form method="post" action="/evaluations/${id}/retry">\\s*<button type="submit"[^>]*>\\s*Try again\\s*</button>`));
  expect(html).not.toContain(KEY);
  expect(html).not.toContain('fake error');
  expect(html).not.toMatch(/HTTP \d{3}/);
  expect(html).not.toContain('overall-number');
  expectNoInjectedMarkup(html, `evaluation ${id}`);
  const json = (await (await env.student.get(`/evaluations/${id}`, { accept: 'application/json' })).json()) as { status: string; memo: string; error?: { kind: string } };
  expect(json).toMatchObject({ status: 'failed', memo, error: { kind } });
}

/** The student's page shows the result with the memo. */
export async function expectResultPage(env: FaultEnv, id: number, memo: string): Promise<string> {
  const html = await checkedBody(await env.student.get(`/evaluations/${id}`), `evaluation ${id}`, [200]);
  expect(html).toContain('overall-number');
  expect(html).not.toContain(`action="/evaluations/${id}/retry"`);
  // The memo is shown (possibly split by quote highlights, so compare its first line).
  expect(html).toContain(escapeHtml(memo.split('\n')[0]!));
  expectNoInjectedMarkup(html, `evaluation ${id}`);
  return html;
}

/** No page answers 5xx: the student's pages, the admin history, detail, CSV and dashboard. */
export async function expectNoServerErrors(env: FaultEnv, id: number): Promise<void> {
  const student = [`/evaluations/${id}`, '/', '/rubric'];
  const admin = ['/admin', '/admin/evaluations', `/admin/evaluations?status=failed`, `/admin/evaluations/${id}`, '/admin/evaluations.csv', '/admin/audit'];
  for (const path of student) await checkedBody(await env.student.get(path), `student GET ${path}`, [200]);
  for (const path of admin) {
    const body = await checkedBody(await env.admin.get(path), `admin GET ${path}`, [200]);
    if (!path.endsWith('.csv')) expectNoInjectedMarkup(body, `admin GET ${path}`);
  }
  const json = await env.admin.get(`/admin/evaluations/${id}`, { accept: 'application/json' });
  expect(json.status).toBe(200);
  const detail = (await json.json()) as { id: number; rawPrompt: string | null };
  expect(detail.id).toBe(id);
  expect(detail.rawPrompt ?? '').not.toContain(KEY);
}

/** memoai_evaluations_total for one status/kind, read from GET /metrics. */
export async function evaluationsCounted(env: FaultEnv, status: 'done' | 'failed', kind: ErrorKind | ''): Promise<number> {
  const res = await env.student.get('/metrics');
  expect(res.status).toBe(200);
  return metricValue(await res.text(), 'memoai_evaluations_total', { status, error_kind: kind });
}
