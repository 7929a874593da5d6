import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigStore } from '../src/config-versions/store.ts';
import { findVersionByHash } from '../src/db/queries/config-versions.ts';
import { useAdminApp, type Client, signedIn, waitForEvaluation, type TestApp } from './helpers/app.ts';
import { SAMPLE_MEMO } from './helpers/outputs.ts';
import { startServer } from './helpers/server-process.ts';
import { count } from './helpers/db.ts';
import { publishCalibrated, saveAndPublish } from './helpers/calibration-runs.ts';

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

/** Saves a draft of rubric, prompt or llm and publishes it through the calibration gate; returns the published version. */
const applied = async (name: 'rubric' | 'prompt' | 'llm', yaml: string, note: string) => (await saveAndPublish(t, bo, name, yaml, note)) + 1;

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
  it('saves a draft; once published it is version 2 with its author, installed for the next evaluation', async () => {
    const res = await bo.post('/admin/config/rubric', { yaml: renamed('Bottom line up front').replaceAll('\n', '\r\n'), note: 'Plainer name' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/admin/config/rubric/drafts/1');
    expect(t.config.current.sources.rubric).toBe(0);
    await publishCalibrated(t, bo, 'rubric', 1);
    const v2 = row('rubric', 2)!;
    expect(v2).toMatchObject({ author_name: 'bo-admin', note: 'Published draft v1: Plainer name', yaml: renamed('Bottom line up front') });
    expect(v2.hash).toBe(t.config.current.versions.rubric);
    expect(t.config.current.sources.rubric).toBe(2);

    const page = await (await bo.get('/admin/config')).text();
    expect(page).toContain('Published rubric.yaml draft v1 as version 2');
    expect(page).toContain('<strong>In force:</strong> v2');
    expect(page).toContain('Plainer name');

    const ev = await evaluateMemo();
    expect(ev.result_json).toContain('Bottom line up front');
    expect(ev.result_json).not.toContain('Structure and executive summary');
    expect(ev.rubric_version).toBe(v2.hash);
    expect(ev.llm_version).toBe(t.config.current.versions.llm);
    expect(findVersionByHash(t.db, 'rubric', ev.rubric_version)).toBe(2);
    expect(await (await bo.get('/admin/config')).text()).toContain(`rubric v2 (<code>${v2.hash}</code>)`);
  });

  it('applies a published llm.yaml change without a restart: a lower max_chars refuses a longer memo', async () => {
    const memo = 'A'.repeat(400) + ' please approve.';
    expect((await t.client().post('/submissions', { text: memo })).status).toBe(303);
    const provider = t.config.current.provider;
    await applied('llm', LLM_FAST.replace('max_chars: 10000', 'max_chars: 300'), 'Shorter memos');
    expect(t.config.current.files.llm.max_chars).toBe(300);
    expect(t.config.current.provider).not.toBe(provider);
    const refused = await t.client().post('/submissions', { text: memo });
    expect(refused.status).toBe(422);
    expect(await refused.text()).toContain('the limit is 300');
  });

  it('applies demo_delay_ms to the next evaluation once published', async () => {
    await applied('llm', LLM.replace('demo_delay_ms: 1500', 'demo_delay_ms: 300'), 'Slower demo');
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

  it('shows a version with its author, note and a line diff against the published one before (drafts skipped)', async () => {
    expect(await applied('rubric', renamed('Bottom line up front'), 'Plainer name')).toBe(2);
    const html = await (await bo.get('/admin/config/rubric/versions/2')).text();
    expect(html).toContain('rubric.yaml version 2');
    expect(html).toContain('bo-admin');
    expect(html).toContain('Published draft v1: Plainer name');
    expect(html).toContain('Changes from shipped file: 1 added, 1 removed');
    expect(html).toMatch(/<tr class="diff-del">.*?<span aria-hidden="true">-<\/span><span class="visually-hidden">removed<\/span><\/td><td class="diff-text">    name: Structure and executive summary<\/td><\/tr>/);
    expect(html).toMatch(/<tr class="diff-add">.*?<span aria-hidden="true">\+<\/span><span class="visually-hidden">added<\/span><\/td><td class="diff-text">    name: Bottom line up front<\/td><\/tr>/);
    expect(html).toContain('unchanged lines …');
    expect(html).toContain('href="/admin/config/rubric/versions/0"');
    expect(html).not.toContain('href="/admin/config/rubric/versions/1"');
    const json = await (await bo.get('/admin/config/rubric/versions/2', { accept: 'application/json' })).json();
    expect(json).not.toHaveProperty('next');
    expect(json).toMatchObject({ version: 2, previous: 0, stats: { added: 1, deleted: 1 }, inForce: 2 });
    const shipped = await (await bo.get('/admin/config/rubric/versions/0')).text();
    expect(shipped).toContain('rubric.yaml: the shipped file');
    expect(shipped).toContain('action="/admin/config/rubric/versions/0/rollback"');
  });
});

describe('rollback', () => {
  it('creates a draft with the old text; published, it is in force; every change is audited', async () => {
    await applied('rubric', renamed('Bottom line up front'), 'First rename');
    await applied('rubric', renamed('Lead with the answer'), 'Second rename');
    expect(t.config.current.sources.rubric).toBe(4);
    const res = await bo.post('/admin/config/rubric/versions/2/rollback', { note: 'Students preferred it' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/admin/config/rubric/drafts/5');
    const v5 = row('rubric', 5)!;
    expect(v5.yaml).toBe(row('rubric', 2)!.yaml);
    expect(v5.hash).toBe(row('rubric', 2)!.hash);
    expect(v5.note).toBe('Rollback to v2: Students preferred it');
    expect(t.config.current.sources.rubric).toBe(4);
    await publishCalibrated(t, bo, 'rubric', 5);
    expect(t.config.current.sources.rubric).toBe(6);
    expect((await evaluateMemo()).result_json).toContain('Bottom line up front');

    const audit = t.db.$client.prepare('select actor_name, action, target, details from audit_log order by id').all() as { actor_name: string; action: string; target: string; details: string }[];
    expect(audit.map((a) => `${a.actor_name} ${a.action} ${a.target}`)).toEqual([
      'bo-admin config.draft rubric',
      'bo-admin config.publish rubric',
      'bo-admin config.draft rubric',
      'bo-admin config.publish rubric',
      'bo-admin config.draft rubric',
      'bo-admin config.publish rubric',
    ]);
    expect(audit[0]!.details).toBe(JSON.stringify({ version: 1, note: 'First rename' }));
    expect(audit[4]!.details).toBe(JSON.stringify({ version: 5, note: 'Rollback to v2: Students preferred it', from: 2 }));
    expect(JSON.parse(audit[5]!.details)).toMatchObject({ version: 6, note: 'Published draft v5: Rollback to v2: Students preferred it', draft: 5 });
  });

  it('rolls back to version 0, the shipped file text', async () => {
    await applied('rubric', renamed('Bottom line up front'), 'Rename');
    expect((await bo.post('/admin/config/rubric/versions/0/rollback', {})).status).toBe(303);
    expect(row('rubric', 3)).toMatchObject({ yaml: RUBRIC, note: 'Rollback to v0 (the shipped file)' });
    await publishCalibrated(t, bo, 'rubric', 3);
    expect((await evaluateMemo()).result_json).toContain('Structure and executive summary');
  });

  it('refuses a rollback that changes nothing, and one whose text no longer validates', async () => {
    await applied('rubric', renamed('Bottom line up front'), 'Rename');
    const same = await bo.post('/admin/config/rubric/versions/2/rollback', {});
    expect(same.status).toBe(422);
    expect(await same.text()).toContain('Nothing changed');
    // A version saved under an older schema (written directly, as a migration would leave it).
    t.db.$client.prepare("insert into config_versions (name, version, yaml, hash, author_name, note, created_at) values ('rubric', 3, ?, 'old', 'bo-admin', 'old', 0)").run(`${RUBRIC}\nretired_key: 1\n`);
    const old = await bo.post('/admin/config/rubric/versions/3/rollback', { note: 'try' });
    expect(old.status).toBe(422);
    const html = await old.text();
    expect(html).toContain('v3 was not rolled back');
    expect(html).toContain('retired_key');
    expect(html).toContain('value="try"');
    expect(versionCount()).toBe(3);
  });
});

describe('start-up', () => {
  it('a fresh store and app on the same database use the newest stored versions', async () => {
    await applied('rubric', renamed('Bottom line up front'), 'Rename');
    await applied('llm', LLM_FAST.replace('max_chars: 10000', 'max_chars: 300'), 'Short');
    // An open draft is never loaded.
    await bo.post('/admin/config/rubric', { yaml: renamed('Not yet'), note: 'Draft only' });
    const fresh = new ConfigStore(t.config.env, t.config.base);
    expect(fresh.current.sources).toEqual({ rubric: 0, prompt: 0, llm: 0, auth: 0 });
    fresh.loadFromDatabase(t.db);
    expect(fresh.current.sources).toEqual({ rubric: 2, prompt: 0, llm: 2, auth: 0 });
    expect(fresh.current.versions).toEqual(t.config.current.versions);
    expect(fresh.current.files.llm.max_chars).toBe(300);


    // The real server process on the same database file picks them up at start-up too.
    const server = await startServer({ DATA_DIR: t.dir });
    try {
      const rubric = await (await fetch(`${server.url}/rubric`, { headers: { accept: 'application/json' } })).json();
      expect(rubric.criteria[0].name).toBe('Bottom line up front');
      expect(server.output()).toContain('"versions":{"rubric":2,"prompt":0,"llm":2,"auth":0}');
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
