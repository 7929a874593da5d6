import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigStore } from '../src/config-versions/store.ts';
import { findVersionByHash } from '../src/db/queries/config-versions.ts';
import { useAdminApp, type Client, signedIn, waitForEvaluation, type TestApp } from './helpers/app.ts';
import { SAMPLE_MEMO } from './helpers/outputs.ts';
import { startServer } from './helpers/server-process.ts';
import { count } from './helpers/db.ts';

const CONFIG_DIR = join(import.meta.dirname, '../config');
const RUBRIC = readFileSync(join(CONFIG_DIR, 'rubric.yaml'), 'utf8');
const LLM = readFileSync(join(CONFIG_DIR, 'llm.yaml'), 'utf8');
/** The shipped llm.yaml without the demo pause, as the test app runs it. */
const LLM_FAST = LLM.replace('demo_delay_ms: 1500', 'demo_delay_ms: 0');
const renamed = (name: string) => RUBRIC.replace('name: Structure and executive summary', `name: ${name}`);

let t: TestApp;
let bo: Client;
useAdminApp((s) => ({ t, admin: bo } = s));

const versionCount = () => count(t.db, 'config_versions');
const row = (name: string, version: number) =>
  t.db.$client.prepare('select * from config_versions where name = ? and version = ?').get(name, version) as
    | { yaml: string; hash: string; author_name: string; note: string; author_id: string }
    | undefined;

/** Posts a memo as an anonymous writer and returns the finished evaluation row. */
async function evaluateMemo(text = SAMPLE_MEMO) {
  const res = await t.client().post('/submissions', { text });
  expect(res.status).toBe(303);
  const id = Number(res.headers.get('location')!.split('/').pop());
  expect(await waitForEvaluation(t, id)).toBe('done');
  return t.db.$client.prepare('select result_json, rubric_version, prompt_version, llm_version from evaluations where id = ?').get(id) as {
    result_json: string;
    rubric_version: string;
    prompt_version: string;
    llm_version: string;
  };
}

describe('POST /admin/config/:name refuses invalid YAML', () => {
  async function expectRefused(yaml: string, ...texts: string[]) {
    const before = t.config.current;
    const res = await bo.post('/admin/config/rubric', { yaml, note: 'Testing' });
    expect(res.status).toBe(422);
    const html = await res.text();
    for (const x of texts) expect(html).toContain(x);
    expect(html).toContain('aria-describedby="yaml-hint yaml-errors"');
    expect(html).toContain('id="yaml-errors"');
    expect(html).toContain('value="Testing"');
    expect(versionCount()).toBe(0);
    expect(t.config.current).toBe(before);
    return html;
  }

  it('a syntax error: 422 with its line number, the text kept, nothing saved', async () => {
    const html = await expectRefused(RUBRIC.replace('  max: 5\n', '  max: 5\n   bad indent: x\n'), 'line 10, YAML syntax error: bad indentation of a mapping entry');
    expect(html).toContain('bad indent: x');
  });

  it('weights not summing to 100: 422 with the line of criteria', async () => {
    await expectRefused(RUBRIC.replace('weight: 20', 'weight: 30'), 'line 27, criteria: weights must sum to 100 (they sum to 110)');
  });

  it('a duplicate criterion id: 422 with its line', async () => {
    await expectRefused(RUBRIC.replace('id: evidence', 'id: structure'), 'line 38, criteria[1].id: duplicate id &quot;structure&quot; (also criteria[0])');
  });

  it('a missing note: 422 with the error beside the note field', async () => {
    const res = await bo.post('/admin/config/rubric', { yaml: renamed('Bottom line') });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('id="note-error"');
    expect(html).toContain('aria-describedby="note-hint note-error"');
    expect(html).toContain('Say what changed and why');
    expect(html).toContain('name: Bottom line');
    expect(versionCount()).toBe(0);
  });

  it('unchanged YAML (same meaning as the config in force): 422 nothing changed', async () => {
    const res = await bo.post('/admin/config/rubric', { yaml: `# only a comment added\n${RUBRIC}`, note: 'No-op' });
    expect(res.status).toBe(422);
    expect(await res.text()).toContain('Nothing changed');
    expect(versionCount()).toBe(0);
  });

  it('an llm config that cannot build its provider: 422 with the reason', async () => {
    const res = await bo.post('/admin/config/llm', { yaml: LLM_FAST.replace('provider: auto', 'provider: anthropic'), note: 'Use Claude' });
    expect(res.status).toBe(422);
    expect(await res.text()).toContain('line 3, provider: llm.provider is anthropic but ANTHROPIC_API_KEY is not set');
    expect(versionCount()).toBe(0);
  });

  it('answers JSON errors when asked', async () => {
    const res = await bo.post('/admin/config/rubric', { yaml: RUBRIC.replace('weight: 20', 'weight: 30'), note: 'x' }, { headers: { accept: 'application/json' } });
    expect(res.status).toBe(422);
    expect(await res.json()).toEqual({ errors: ['line 27, criteria: weights must sum to 100 (they sum to 110)'] });
  });
});

describe('saving a config', () => {
  it('stores version 1 with its author and installs it for the next evaluation', async () => {
    const res = await bo.post('/admin/config/rubric', { yaml: renamed('Bottom line up front').replaceAll('\n', '\r\n'), note: 'Plainer name' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/admin/config');
    const v1 = row('rubric', 1)!;
    expect(v1).toMatchObject({ author_name: 'bo-admin', note: 'Plainer name', yaml: renamed('Bottom line up front') });
    expect(v1.hash).toBe(t.config.current.versions.rubric);
    expect(t.config.current.sources.rubric).toBe(1);

    const page = await (await bo.get('/admin/config')).text();
    expect(page).toContain('Saved rubric.yaml as version 1');
    expect(page).toContain('<strong>In force:</strong> v1');
    expect(page).toContain('Plainer name');

    const ev = await evaluateMemo();
    expect(ev.result_json).toContain('Bottom line up front');
    expect(ev.result_json).not.toContain('Structure and executive summary');
    expect(ev.rubric_version).toBe(v1.hash);
    expect(ev.llm_version).toBe(t.config.current.versions.llm);
    expect(findVersionByHash(t.db, 'rubric', ev.rubric_version)).toBe(1);
    expect(await (await bo.get('/admin/config')).text()).toContain(`rubric v1 (<code>${v1.hash}</code>)`);
  });

  it('applies an llm.yaml change without a restart: a lower max_chars refuses a longer memo', async () => {
    const memo = 'A'.repeat(400) + ' please approve.';
    expect((await t.client().post('/submissions', { text: memo })).status).toBe(303);
    const provider = t.config.current.provider;
    const res = await bo.post('/admin/config/llm', { yaml: LLM_FAST.replace('max_chars: 10000', 'max_chars: 300'), note: 'Shorter memos' });
    expect(res.status).toBe(303);
    expect(t.config.current.files.llm.max_chars).toBe(300);
    expect(t.config.current.provider).not.toBe(provider);
    const refused = await t.client().post('/submissions', { text: memo });
    expect(refused.status).toBe(422);
    expect(await refused.text()).toContain('the limit is 300');
  });

  it('applies demo_delay_ms to the next evaluation', async () => {
    expect((await bo.post('/admin/config/llm', { yaml: LLM.replace('demo_delay_ms: 1500', 'demo_delay_ms: 300'), note: 'Slower demo' })).status).toBe(303);
    const started = Date.now();
    await evaluateMemo();
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);
  });

  it('answers 404 for a name that is not a config, and for a missing version', async () => {
    expect((await bo.get('/admin/config/secrets')).status).toBe(404);
    expect((await bo.post('/admin/config/secrets', { yaml: 'a: 1', note: 'x' })).status).toBe(404);
    expect((await bo.get('/admin/config/rubric/versions/3')).status).toBe(404);
    expect((await bo.get('/admin/config/rubric/versions/x')).status).toBe(404);
    expect((await bo.post('/admin/config/rubric/versions/3/rollback', {})).status).toBe(404);
  });

  it('is for admins only', async () => {
    const ana = await signedIn(t, 'ana-student');
    expect((await ana.post('/admin/config/rubric', { yaml: renamed('X'), note: 'x' })).status).toBe(403);
    expect((await ana.get('/admin/config')).status).toBe(403);
    expect(versionCount()).toBe(0);
  });
});

describe('GET /admin/config pages', () => {
  it('lists the four configs and prefills the editor with the YAML in force', async () => {
    const index = await (await bo.get('/admin/config')).text();
    for (const name of ['rubric', 'prompt', 'llm', 'auth']) {
      expect(index).toContain(`href="/admin/config/${name}"`);
      expect(index).toContain(`id="config-${name}"`);
    }
    expect(index).toContain('<strong>In force:</strong> shipped file');
    const edit = await (await bo.get('/admin/config/rubric')).text();
    expect(edit).toContain('<form method="post" action="/admin/config/rubric"');
    expect(edit).toMatch(/<textarea id="yaml" name="yaml" class="code"/);
    expect(edit).toContain('name: Business Memo Rubric');
    expect(edit).toMatch(/<input id="note" name="note" type="text" required=""/);
    const json = await (await bo.get('/admin/config/rubric', { accept: 'application/json' })).json();
    expect(json).toEqual({ name: 'rubric', version: 0, hash: t.config.current.versions.rubric, yaml: RUBRIC });
  });

  it('shows a version with its author, note and a line diff against the one before', async () => {
    await bo.post('/admin/config/rubric', { yaml: renamed('Bottom line up front'), note: 'Plainer name' });
    const html = await (await bo.get('/admin/config/rubric/versions/1')).text();
    expect(html).toContain('rubric.yaml version 1');
    expect(html).toContain('bo-admin');
    expect(html).toContain('Plainer name');
    expect(html).toContain('Changes from shipped file: 1 added, 1 removed');
    expect(html).toMatch(/<tr class="diff-del">.*?<span aria-hidden="true">-<\/span><span class="visually-hidden">removed<\/span><\/td><td class="diff-text">    name: Structure and executive summary<\/td><\/tr>/);
    expect(html).toMatch(/<tr class="diff-add">.*?<span aria-hidden="true">\+<\/span><span class="visually-hidden">added<\/span><\/td><td class="diff-text">    name: Bottom line up front<\/td><\/tr>/);
    expect(html).toContain('unchanged lines …');
    const json = await (await bo.get('/admin/config/rubric/versions/1', { accept: 'application/json' })).json();
    expect(json).toMatchObject({ version: 1, previous: 0, stats: { added: 1, deleted: 1 }, inForce: 1 });
    const shipped = await (await bo.get('/admin/config/rubric/versions/0')).text();
    expect(shipped).toContain('rubric.yaml: the shipped file');
    expect(shipped).toContain('action="/admin/config/rubric/versions/0/rollback"');
  });
});

describe('rollback', () => {
  it('creates a new version with the old text, installs it and audits every change', async () => {
    await bo.post('/admin/config/rubric', { yaml: renamed('Bottom line up front'), note: 'First rename' });
    await bo.post('/admin/config/rubric', { yaml: renamed('Lead with the answer'), note: 'Second rename' });
    expect(t.config.current.sources.rubric).toBe(2);
    const res = await bo.post('/admin/config/rubric/versions/1/rollback', { note: 'Students preferred it' });
    expect(res.status).toBe(303);
    const v3 = row('rubric', 3)!;
    expect(v3.yaml).toBe(row('rubric', 1)!.yaml);
    expect(v3.hash).toBe(row('rubric', 1)!.hash);
    expect(v3.note).toBe('Rollback to v1: Students preferred it');
    expect(t.config.current.sources.rubric).toBe(3);
    expect((await evaluateMemo()).result_json).toContain('Bottom line up front');

    const audit = t.db.$client.prepare('select actor_name, action, target, details from audit_log order by id').all();
    expect(audit).toEqual([
      { actor_name: 'bo-admin', action: 'config.save', target: 'rubric', details: JSON.stringify({ version: 1, note: 'First rename' }) },
      { actor_name: 'bo-admin', action: 'config.save', target: 'rubric', details: JSON.stringify({ version: 2, note: 'Second rename' }) },
      { actor_name: 'bo-admin', action: 'config.rollback', target: 'rubric', details: JSON.stringify({ version: 3, note: 'Rollback to v1: Students preferred it', from: 1 }) },
    ]);
  });

  it('rolls back to version 0, the shipped file text', async () => {
    await bo.post('/admin/config/rubric', { yaml: renamed('Bottom line up front'), note: 'Rename' });
    expect((await bo.post('/admin/config/rubric/versions/0/rollback', {})).status).toBe(303);
    expect(row('rubric', 2)).toMatchObject({ yaml: RUBRIC, note: 'Rollback to v0 (the shipped file)' });
    expect((await evaluateMemo()).result_json).toContain('Structure and executive summary');
  });

  it('refuses a rollback that changes nothing, and one whose text no longer validates', async () => {
    await bo.post('/admin/config/rubric', { yaml: renamed('Bottom line up front'), note: 'Rename' });
    const same = await bo.post('/admin/config/rubric/versions/1/rollback', {});
    expect(same.status).toBe(422);
    expect(await same.text()).toContain('Nothing changed');
    // A version saved under an older schema (written directly, as a migration would leave it).
    t.db.$client.prepare("insert into config_versions (name, version, yaml, hash, author_name, note, created_at) values ('rubric', 2, ?, 'old', 'bo-admin', 'old', 0)").run(`${RUBRIC}\nretired_key: 1\n`);
    const old = await bo.post('/admin/config/rubric/versions/2/rollback', { note: 'try' });
    expect(old.status).toBe(422);
    const html = await old.text();
    expect(html).toContain('v2 was not rolled back');
    expect(html).toContain('retired_key');
    expect(html).toContain('value="try"');
    expect(versionCount()).toBe(2);
  });
});

describe('start-up', () => {
  it('a fresh store and app on the same database use the newest stored versions', async () => {
    await bo.post('/admin/config/rubric', { yaml: renamed('Bottom line up front'), note: 'Rename' });
    await bo.post('/admin/config/llm', { yaml: LLM_FAST.replace('max_chars: 10000', 'max_chars: 300'), note: 'Short' });
    const fresh = new ConfigStore(t.config.env, t.config.base);
    expect(fresh.current.sources).toEqual({ rubric: 0, prompt: 0, llm: 0, auth: 0 });
    fresh.loadFromDatabase(t.db);
    expect(fresh.current.sources).toEqual({ rubric: 1, prompt: 0, llm: 1, auth: 0 });
    expect(fresh.current.versions).toEqual(t.config.current.versions);
    expect(fresh.current.files.llm.max_chars).toBe(300);


    // The real server process on the same database file picks them up at start-up too.
    const server = await startServer({ DATA_DIR: t.dir });
    try {
      const rubric = await (await fetch(`${server.url}/rubric`, { headers: { accept: 'application/json' } })).json();
      expect(rubric.criteria[0].name).toBe('Bottom line up front');
      expect(server.output()).toContain('"versions":{"rubric":1,"prompt":0,"llm":1,"auth":0}');
    } finally {
      server.child.kill('SIGTERM');
      await server.exited;
    }
  });

  it('skips a stored version that no longer validates, logs it and uses the shipped file', async () => {
    t.db.$client.prepare("insert into config_versions (name, version, yaml, hash, author_name, note, created_at) values ('rubric', 1, 'criteria: []', 'x', 'bo-admin', 'broken', 0)").run();
    const errors: string[] = [];
    const fresh = new ConfigStore(t.config.env, t.config.base);
    fresh.loadFromDatabase(t.db, { error: (_obj, msg) => errors.push(msg) });
    expect(fresh.current.sources.rubric).toBe(0);
    expect(fresh.current.versions.rubric).toBe(t.config.current.versions.rubric);
    expect(errors).toEqual(['stored rubric config v1 is not usable; using rubric.yaml']);
    t.config.loadFromDatabase(t.db, { error: () => {} });
    expect(await (await bo.get('/admin/config')).text()).toContain('Version 1 is stored but not in force');
  });
});
