import { expect } from 'vitest';
import { makeTestApp, ORIGIN, signedIn, type Client, type TestApp, type TestAppOptions } from './app.ts';
import type { FuzzBody } from './fuzz.ts';
import { checkedBody, expectNoInjectedMarkup } from './page-checks.ts';

/** The test app with limits raised so fuzzing reaches the handlers instead of the rate limiter. */
export function makeFuzzApp(opts: TestAppOptions = {}): TestApp {
  return makeTestApp({
    ...opts,
    files: (f) => {
      const g = opts.files ? opts.files(f) : f;
      return {
        ...g,
        auth: {
          ...g.auth,
          lockout: { ...g.auth.lockout, max_failures: 100 },
          rate_limits: { submissions_per_writer_per_hour: 100_000, requests_per_ip_per_hour: 10_000_000, logins_per_ip_per_15_minutes: 100_000, polls_per_session_per_hour: 10_000_000 },
        },
      };
    },
  });
}

export interface FuzzClients {
  anon: Client;
  writer: Client;
  student: Client;
  admin: Client;
}

/** A writer with a memo (an anonymous cookie), a signed-in student and a signed-in admin. */
export async function fuzzClients(t: TestApp, memo: string): Promise<FuzzClients & { evaluationId: number }> {
  const writer = t.client();
  const res = await writer.post('/submissions', { text: memo });
  expect(res.status).toBe(303);
  const evaluationId = Number((res.headers.get('location') ?? '').split('/').pop());
  return { anon: t.client(), writer, student: await signedIn(t, 'ana-student'), admin: await signedIn(t, 'bo-admin'), evaluationId };
}

/** Sends a fuzzed POST body from the app's origin and checks the invariants; returns the status. */
export async function postFuzz(c: Client, path: string, b: FuzzBody, allowed: readonly number[], where: string): Promise<{ status: number; body: string; location: string | null }> {
  const headers: Record<string, string> = { origin: ORIGIN };
  if (b.contentType !== undefined) headers['content-type'] = b.contentType;
  const res = await c.request(path, { method: 'POST', body: b.body as BodyInit, headers });
  const label = `${where} [${b.label}]`;
  const body = await checkedBody(res, label, allowed);
  if ((res.headers.get('content-type') ?? '').startsWith('text/html')) expectNoInjectedMarkup(body, label);
  return { status: res.status, body, location: res.headers.get('location') };
}

/** A GET with the invariants checked (HTML pages also for injected markup). */
export async function getChecked(c: Client, path: string, allowed: readonly number[], headers: Record<string, string> = {}): Promise<{ status: number; body: string; type: string }> {
  const res = await c.get(path, headers);
  const where = `GET ${path.slice(0, 300)}`;
  const body = await checkedBody(res, where, allowed);
  const type = res.headers.get('content-type') ?? '';
  if (type.startsWith('text/html')) expectNoInjectedMarkup(body, where);
  return { status: res.status, body, type };
}
