import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { shippedConfig } from './helpers/app.ts';
import { FakeAnthropic } from './helpers/fake-anthropic.ts';
import { validOutput } from './helpers/outputs.ts';
import { localOrigin, startServer } from './helpers/server-process.ts';

const fake = new FakeAnthropic();
let dir: string;
beforeAll(async () => {
  await fake.start();
  dir = mkdtempSync(join(tmpdir(), 'memoai-logs-'));
});
afterAll(async () => {
  await fake.stop();
  rmSync(dir, { recursive: true, force: true });
});

const SECRETS = {
  adminPassword: 'Admin-Secret-Passphrase-731',
  wrongPassword: 'Wrong-Guess-Passphrase-512',
  apiKey: 'sk-ant-api03-LOGLEAKCANARY-0000',
  memoPhrase: 'PURPLE-OCTOPUS-4417 budget line',
};

it('never writes passwords, cookies, session tokens, the API key or memo text to the log', { timeout: 60_000 }, async () => {
  const rubric = shippedConfig().rubric;
  // One evaluation fails (logged as a warning), one succeeds.
  fake.script({ kind: 'error', status: 400, type: 'invalid_request_error' }, { kind: 'message', text: JSON.stringify(validOutput(rubric, { quotes: [SECRETS.memoPhrase] })) });
  const server = await startServer({
    DATA_DIR: dir,
    LOG_LEVEL: 'debug',
    ...(await localOrigin()),
    ADMIN_USERNAME: 'bo-admin',
    ADMIN_PASSWORD: SECRETS.adminPassword,
    ANTHROPIC_API_KEY: SECRETS.apiKey,
    ANTHROPIC_BASE_URL: fake.url,
  });
  const origin = { origin: server.url };
  const post = (path: string, fields: Record<string, string>, cookie = '') =>
    fetch(`${server.url}${path}`, { method: 'POST', body: new URLSearchParams(fields), headers: { ...origin, cookie }, redirect: 'manual' });

  expect((await post('/login', { username: 'bo-admin', password: SECRETS.wrongPassword })).status).toBe(401);
  const login = await post('/login', { username: 'bo-admin', password: SECRETS.adminPassword });
  expect(login.status).toBe(303);
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  const token = cookie.split('=')[1]!;
  for (let i = 0; i < 2; i++) {
    const res = await post('/submissions', { text: `Dear CFO,\n${SECRETS.memoPhrase} should be approved. (${i})` }, cookie);
    expect(res.status).toBe(303);
    await fetch(`${server.url}${res.headers.get('location')}`, { headers: { cookie } });
  }
  for (let i = 0; i < 100 && fake.requests.length < 2; i++) await new Promise((r) => setTimeout(r, 50));
  await new Promise((r) => setTimeout(r, 300));
  await fetch(`${server.url}/admin/evaluations?q=OCTOPUS`, { headers: { cookie } });
  server.child.kill('SIGTERM');
  await server.exited;

  const log = server.output();
  expect(log).toContain('"msg":"request"');
  expect(log).toContain('evaluation failed');
  for (const [name, secret] of Object.entries({ ...SECRETS, cookie, token, tokenId: token.split('.')[0]!, tokenSecret: token.split('.')[1]!, memoWord: 'OCTOPUS' })) {
    expect(log.includes(secret), `${name} leaked into the log`).toBe(false);
  }
});
