import { mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readEnv } from './env.ts';
import { loadConfigDir, validateConfigText } from './load.ts';
import type { ConfigName } from './schemas.ts';
import { formatIssue, type ConfigIssue } from './yaml-source.ts';

const CONFIG_DIR = join(import.meta.dirname, '../../config');
const NAMES: ConfigName[] = ['rubric', 'prompt', 'llm', 'auth'];
const shipped = (name: ConfigName): string => readFileSync(join(CONFIG_DIR, `${name}.yaml`), 'utf8');

const RUBRIC = shipped('rubric');
const PROMPT = shipped('prompt');
const LLM = shipped('llm');
const AUTH = shipped('auth');

/** Replaces `from` (which must occur in text) with `to`. */
function edit(text: string, from: string | RegExp, to: string): string {
  const out = text.replace(from, to);
  if (out === text) throw new Error(`edit did not change the text: ${String(from)}`);
  return out;
}

/** 1-based number of the first line containing `needle`, searching from line `after` (1-based) on. */
function lineOf(text: string, needle: string, after = 0): number {
  const lines = text.split('\n');
  const idx = lines.findIndex((l, i) => i >= after && l.includes(needle));
  if (idx === -1) throw new Error(`no line contains ${JSON.stringify(needle)}`);
  return idx + 1;
}

/** Validates text expected to fail and returns its issues. */
function issuesOf(name: ConfigName, text: string): ConfigIssue[] {
  const res = validateConfigText(name, text);
  expect(res.ok).toBe(false);
  if (res.ok) throw new Error('unreachable');
  expect(res.issues.length).toBeGreaterThan(0);
  return res.issues;
}

/** The single issue reported for `path`; fails if there is none or more than one. */
function issueAt(issues: ConfigIssue[], path: string): ConfigIssue {
  const hits = issues.filter((i) => i.path === path);
  expect(hits, `issues for ${path} in ${JSON.stringify(issues)}`).toHaveLength(1);
  return hits[0]!;
}

describe('shipped config files', () => {
  it.each(NAMES)('%s.yaml validates', (name) => {
    const res = validateConfigText(name, shipped(name));
    expect(res.ok ? [] : res.issues).toEqual([]);
    expect(res.ok).toBe(true);
  });

  it('parses the rubric into typed values', () => {
    const res = validateConfigText('rubric', RUBRIC);
    if (!res.ok) throw new Error('shipped rubric is invalid');
    const r = res.value;
    expect(r.name).toBe('Business Memo Rubric');
    expect(r.scale).toMatchObject({ min: 1, max: 5 });
    expect(Object.keys(r.scale.labels).sort()).toEqual(['1', '2', '3', '4', '5']);
    expect(r.criteria.map((c) => c.id)).toEqual(['structure', 'evidence', 'clarity', 'audience', 'the_ask', 'risks']);
    expect(r.criteria.reduce((s, c) => s + c.weight, 0)).toBe(100);
    expect(r.bands.map((b) => b.min)).toEqual([4.5, 3.5, 2.5, 1.5, 1]);
  });

  it('loadConfigDir reads all four shipped files', () => {
    const res = loadConfigDir(CONFIG_DIR);
    expect(res.ok ? [] : res.issues).toEqual([]);
    if (!res.ok) return;
    expect(res.value.rubric.criteria).toHaveLength(6);
    expect(res.value.llm.provider).toBe('auto');
    expect(res.value.llm.concurrency).toBe(4);
    expect(res.value.auth.student_mode).toBe('open');
    expect(res.value.prompt.security).toContain('<memo>');
  });
});

describe('rubric rules (rules.ts), each located by path and line', () => {
  it('weights that do not sum to 100 are reported on `criteria`', () => {
    const text = edit(RUBRIC, 'weight: 20', 'weight: 25');
    const issues = issuesOf('rubric', text);
    expect(issues).toHaveLength(1);
    const i = issueAt(issues, 'criteria');
    expect(i.line).toBe(lineOf(text, 'criteria:'));
    expect(i.message).toMatch(/sum to 100/);
    expect(i.message).toContain('105');
    expect(i.file).toBe('rubric.yaml');
  });

  it('a duplicate criterion id is reported on the second occurrence', () => {
    const text = edit(RUBRIC, 'id: clarity', 'id: evidence');
    const issues = issuesOf('rubric', text);
    expect(issues).toHaveLength(1);
    const i = issueAt(issues, 'criteria[2].id');
    expect(i.line).toBe(lineOf(text, 'id: evidence', lineOf(text, 'id: evidence')));
    expect(i.line).toBe(lineOf(RUBRIC, 'id: clarity'));
    expect(i.message).toMatch(/duplicate/i);
    expect(i.message).toContain('evidence');
    expect(i.message).toContain('criteria[1]');
  });

  it('a missing level in one criterion is reported on that criterion’s levels', () => {
    const text = edit(RUBRIC, /\n {6}3: Purpose is stated[^\n]*/, '');
    const issues = issuesOf('rubric', text);
    expect(issues).toHaveLength(1);
    const i = issueAt(issues, 'criteria[0].levels');
    expect(i.line).toBe(lineOf(text, 'levels:', lineOf(text, 'id: structure')));
    expect(i.message).toMatch(/missing level 3/);
  });

  it('a level outside the scale is reported on that level’s key', () => {
    const text = edit(RUBRIC, '      5: First two or three', '      6: Beyond the scale.\n      5: First two or three');
    const issues = issuesOf('rubric', text);
    expect(issues).toHaveLength(1);
    const i = issueAt(issues, 'criteria[0].levels.6');
    expect(i.line).toBe(lineOf(text, '6: Beyond the scale.'));
    expect(i.message).toMatch(/level 6 is outside the scale/);
  });

  it('scale.min >= scale.max is reported on scale.max', () => {
    const text = edit(RUBRIC, '  min: 1\n  max: 5', '  min: 5\n  max: 4');
    const issues = issuesOf('rubric', text);
    const i = issueAt(issues, 'scale.max');
    expect(i.line).toBe(lineOf(text, '  max: 4'));
    expect(i.message).toMatch(/greater than scale\.min \(5\)/);
  });

  it('a missing scale label is reported on scale.labels', () => {
    const text = edit(RUBRIC, '    3: Competent\n', '');
    const issues = issuesOf('rubric', text);
    expect(issues).toHaveLength(1);
    const i = issueAt(issues, 'scale.labels');
    expect(i.line).toBe(lineOf(text, '  labels:'));
    expect(i.message).toMatch(/missing level 3/);
  });

  it('a scale label outside the scale is reported on that label', () => {
    const text = edit(RUBRIC, '    5: Exemplary\n', '    5: Exemplary\n    7: Legendary\n');
    const i = issueAt(issuesOf('rubric', text), 'scale.labels.7');
    expect(i.line).toBe(lineOf(text, '7: Legendary'));
    expect(i.message).toMatch(/outside the scale/);
  });

  it('bands that are not listed highest first are reported on the offending band', () => {
    const text = edit(RUBRIC, 'min: 3.5', 'min: 4.6');
    const issues = issuesOf('rubric', text);
    expect(issues).toHaveLength(1);
    const i = issueAt(issues, 'bands[1].min');
    expect(i.line).toBe(lineOf(text, 'min: 4.6'));
    expect(i.message).toMatch(/highest first/);
  });

  it('a lowest band above the scale minimum is reported on that band', () => {
    const text = edit(RUBRIC, 'min: 1.0', 'min: 1.2');
    const issues = issuesOf('rubric', text);
    expect(issues).toHaveLength(1);
    const i = issueAt(issues, 'bands[4].min');
    expect(i.line).toBe(lineOf(text, 'min: 1.2'));
    expect(i.message).toMatch(/lowest band must start at the scale minimum \(1\)/);
  });

  it('a band above the scale is reported as outside the scale', () => {
    const text = edit(RUBRIC, 'min: 4.5', 'min: 6');
    const issues = issuesOf('rubric', text);
    expect(issues).toHaveLength(1);
    const i = issueAt(issues, 'bands[0].min');
    expect(i.line).toBe(lineOf(text, '- min: 6'));
    expect(i.message).toMatch(/within the scale \(1-5\)/);
  });

  it('a band below the scale is reported as outside the scale', () => {
    const text = edit(RUBRIC, '    label: Weak', '    label: Weak\n  - min: 0.5\n    label: Hopeless');
    const i = issueAt(issuesOf('rubric', text), 'bands[5].min');
    expect(i.line).toBe(lineOf(text, '- min: 0.5'));
    expect(i.message).toMatch(/within the scale/);
  });

  it('reports several rule violations at once', () => {
    const text = edit(edit(RUBRIC, 'id: clarity', 'id: evidence'), 'weight: 20', 'weight: 30');
    const paths = issuesOf('rubric', text).map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['criteria', 'criteria[2].id']));
  });
});

describe('rubric schema (schemas.ts), each located by path and line', () => {
  it('an uppercase criterion id is rejected', () => {
    const text = edit(RUBRIC, 'id: clarity', 'id: Clarity');
    const i = issueAt(issuesOf('rubric', text), 'criteria[2].id');
    expect(i.line).toBe(lineOf(text, 'id: Clarity'));
    expect(i.message).toMatch(/lowercase/);
  });

  it('an id starting with a digit is rejected', () => {
    const text = edit(RUBRIC, 'id: risks', 'id: 2risks');
    const i = issueAt(issuesOf('rubric', text), 'criteria[5].id');
    expect(i.line).toBe(lineOf(text, 'id: 2risks'));
  });

  it('a fractional weight is rejected as not a whole number', () => {
    const text = edit(RUBRIC, 'weight: 20', 'weight: 20.5');
    const i = issueAt(issuesOf('rubric', text), 'criteria[0].weight');
    expect(i.line).toBe(lineOf(text, 'weight: 20.5'));
    expect(i.message).toMatch(/whole number/);
  });

  it('a string weight is rejected as the wrong type', () => {
    const text = edit(RUBRIC, 'weight: 20', 'weight: "twenty"');
    const i = issueAt(issuesOf('rubric', text), 'criteria[0].weight');
    expect(i.line).toBe(lineOf(text, 'weight: "twenty"'));
    expect(i.message).toMatch(/number/);
    expect(i.message).toContain('twenty');
  });

  it('a weight of 0 in the last criterion is located on its own line', () => {
    const text = edit(RUBRIC, /weight: 15(\n {4}description: Whether the memo identifies)/, 'weight: 0$1');
    const i = issueAt(issuesOf('rubric', text), 'criteria[5].weight');
    expect(i.line).toBe(lineOf(text, 'weight: 0'));
    expect(i.message).toMatch(/>=1/);
  });

  it('an unknown key is rejected (strict objects)', () => {
    const text = edit(RUBRIC, '    name: Evidence and', '    colour: red\n    name: Evidence and');
    const i = issueAt(issuesOf('rubric', text), 'criteria[1].colour');
    expect(i.line).toBe(lineOf(text, 'colour: red'));
    expect(i.message).toContain('colour');
  });

  it('an unknown top-level key is rejected', () => {
    const text = `${RUBRIC.trimEnd()}\nversion: 2\n`;
    const i = issueAt(issuesOf('rubric', text), 'version');
    expect(i.line).toBe(lineOf(text, 'version: 2'));
  });

  it('an empty name is rejected', () => {
    const text = edit(RUBRIC, 'name: Business Memo Rubric', 'name: ""');
    const i = issueAt(issuesOf('rubric', text), 'name');
    expect(i.line).toBe(1);
    expect(i.message).toMatch(/must not be empty/);
  });

  it('a whitespace-only criterion name is rejected as empty', () => {
    const text = edit(RUBRIC, 'name: Clarity and concision', 'name: "   "');
    const i = issueAt(issuesOf('rubric', text), 'criteria[2].name');
    expect(i.line).toBe(lineOf(text, 'name: "   "'));
    expect(i.message).toMatch(/must not be empty/);
  });

  it('reports every schema problem in the file, each on its own line', () => {
    const text = edit(edit(RUBRIC, 'weight: 20', 'weight: "x"'), 'id: risks', 'id: Risks');
    const issues = issuesOf('rubric', text);
    expect(issueAt(issues, 'criteria[0].weight').line).toBe(lineOf(text, 'weight: "x"'));
    expect(issueAt(issues, 'criteria[5].id').line).toBe(lineOf(text, 'id: Risks'));
  });

  it('a stray empty list item is located at the list, not at line 1', () => {
    const text = edit(RUBRIC, 'bands:\n', 'bands:\n  -\n');
    const i = issueAt(issuesOf('rubric', text), 'bands[0]');
    // The item's own line, or at worst the line of `bands:`.
    expect([lineOf(text, 'bands:'), lineOf(text, 'bands:') + 1]).toContain(i.line);
  });
});

describe('YAML syntax errors', () => {
  it('bad indentation is a (syntax) issue on the offending line', () => {
    const text = edit(RUBRIC, '  max: 5', '   max: 5');
    const issues = issuesOf('rubric', text);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ file: 'rubric.yaml', path: '(syntax)', line: lineOf(text, '   max: 5') });
    expect(issues[0]!.message).toMatch(/indentation/);
  });

  it('a duplicate key is a (syntax) issue on the second key', () => {
    const text = edit(RUBRIC, '  max: 5', '  max: 5\n  max: 6');
    const issues = issuesOf('rubric', text);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ path: '(syntax)', line: lineOf(text, '  max: 6') });
    expect(issues[0]!.message).toMatch(/duplicate/);
  });

  it('uses the file name it is given', () => {
    const issues = validateConfigText('llm', 'provider: [unclosed', 'custom/llm.yaml');
    expect(issues.ok).toBe(false);
    if (issues.ok) return;
    expect(issues.issues[0]).toMatchObject({ file: 'custom/llm.yaml', path: '(syntax)' });
  });
});

describe('prompt.yaml, llm.yaml, auth.yaml', () => {
  it('prompt.yaml: a missing key is reported by name', () => {
    const text = edit(PROMPT, /^security: \|[\s\S]*$/m, '');
    const issues = issuesOf('prompt', text);
    expect(issues).toHaveLength(1);
    const i = issueAt(issues, 'security');
    expect(i.message).toContain('security');
    expect(i.file).toBe('prompt.yaml');
  });

  it('prompt.yaml: an empty section is rejected', () => {
    const text = edit(PROMPT, /^language_policy: \|\n(?: {2}[^\n]*\n)+/m, 'language_policy: ""\n');
    const i = issueAt(issuesOf('prompt', text), 'language_policy');
    expect(i.line).toBe(lineOf(text, 'language_policy:'));
    expect(i.message).toMatch(/must not be empty/);
  });

  it('llm.yaml: a provider outside the picklist is rejected', () => {
    const text = edit(LLM, 'provider: auto', 'provider: openai');
    const issues = issuesOf('llm', text);
    expect(issues).toHaveLength(1);
    const i = issueAt(issues, 'provider');
    expect(i.line).toBe(lineOf(text, 'provider: openai'));
    expect(i.message).toContain('openai');
    expect(i.message).toContain('anthropic');
  });

  it('llm.yaml: concurrency 0 is rejected', () => {
    const text = edit(LLM, 'concurrency: 4', 'concurrency: 0');
    const i = issueAt(issuesOf('llm', text), 'concurrency');
    expect(i.line).toBe(lineOf(text, 'concurrency: 0'));
    expect(i.message).toMatch(/>=\s*1/);
  });

  it('llm.yaml: an unknown key is rejected', () => {
    const text = edit(LLM, 'concurrency: 4', 'concurrency: 4\ntemperature: 0.2');
    const i = issueAt(issuesOf('llm', text), 'temperature');
    expect(i.line).toBe(lineOf(text, 'temperature: 0.2'));
    expect(i.message).toContain('temperature');
  });

  it('llm.yaml: a nested price problem has a nested path', () => {
    const text = edit(LLM, 'claude-sonnet-5-5: { input: 2, output: 10', 'claude-sonnet-5-5: { input: 2, output: -1');
    const i = issueAt(issuesOf('llm', text), 'prices.claude-sonnet-5-5.output');
    expect(i.line).toBe(lineOf(text, 'output: -1'));
  });

  it('llm.yaml: a model without a price is refused, naming the priced ones', () => {
    const text = edit(LLM, 'model: claude-sonnet-5-5', 'model: claude-sonnet-9');
    const i = issueAt(issuesOf('llm', text), 'model');
    expect(i.message).toContain('no price for "claude-sonnet-9"');
    expect(i.message).toContain('claude-haiku-5-5');
  });

  it('llm.yaml: an unknown effort is refused', () => {
    const text = edit(LLM, 'effort: medium', 'effort: extreme');
    expect(issueAt(issuesOf('llm', text), 'effort').line).toBe(lineOf(text, 'effort: extreme'));
  });

  it('auth.yaml: an invalid student_mode is rejected', () => {
    const text = edit(AUTH, 'student_mode: open', 'student_mode: closed');
    const issues = issuesOf('auth', text);
    expect(issues).toHaveLength(1);
    const i = issueAt(issues, 'student_mode');
    expect(i.line).toBe(lineOf(text, 'student_mode: closed'));
    expect(i.message).toContain('closed');
    expect(i.message).toContain('accounts');
  });
});

describe('loadConfigDir', () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });
  const copyShipped = (): string => {
    const d = mkdtempSync(join(tmpdir(), 'memoai-config-'));
    for (const n of NAMES) writeFileSync(join(d, `${n}.yaml`), shipped(n));
    return d;
  };

  it('accepts a copy of the shipped files', () => {
    dir = copyShipped();
    expect(loadConfigDir(dir).ok).toBe(true);
  });

  it('collects issues from every broken file, not just the first', () => {
    dir = copyShipped();
    const rubric = edit(RUBRIC, 'weight: 20', 'weight: 25');
    const llm = edit(LLM, 'concurrency: 4', 'concurrency: 0');
    writeFileSync(join(dir, 'rubric.yaml'), rubric);
    writeFileSync(join(dir, 'llm.yaml'), llm);
    const res = loadConfigDir(dir);
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.issues).toHaveLength(2);
    const byFile = Object.fromEntries(res.issues.map((i) => [basename(i.file), i]));
    expect(byFile['rubric.yaml']).toMatchObject({ path: 'criteria', line: lineOf(rubric, 'criteria:') });
    expect(byFile['llm.yaml']).toMatchObject({ path: 'concurrency', line: lineOf(llm, 'concurrency: 0') });
    for (const i of res.issues) expect(dirname(i.file)).toBe(dir);
  });

  it('reports a missing file as a (file) issue and still validates the others', () => {
    dir = copyShipped();
    unlinkSync(join(dir, 'auth.yaml'));
    writeFileSync(join(dir, 'prompt.yaml'), edit(PROMPT, /^security: \|[\s\S]*$/m, ''));
    const res = loadConfigDir(dir);
    expect(res.ok).toBe(false);
    if (res.ok) return;
    const missing = res.issues.filter((i) => i.path === '(file)');
    expect(missing).toHaveLength(1);
    expect(missing[0]!.file).toBe(join(dir, 'auth.yaml'));
    expect(missing[0]!.message).toMatch(/cannot be read/);
    expect(res.issues.some((i) => i.path === 'security' && basename(i.file) === 'prompt.yaml')).toBe(true);
  });

  it('reports every file of an empty directory as missing', () => {
    dir = mkdtempSync(join(tmpdir(), 'memoai-config-'));
    const res = loadConfigDir(dir);
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.issues.map((i) => [basename(i.file), i.path])).toEqual(NAMES.map((n) => [`${n}.yaml`, '(file)']));
  });
});

describe('formatIssue', () => {
  it('formats file:line path: message', () => {
    expect(formatIssue({ file: 'config/rubric.yaml', path: 'criteria[2].weight', line: 42, message: 'must be a whole number' })).toBe(
      'config/rubric.yaml:42 criteria[2].weight: must be a whole number',
    );
  });

  it('omits the line when it is unknown', () => {
    expect(formatIssue({ file: 'config/auth.yaml', path: '(file)', message: 'cannot be read' })).toBe('config/auth.yaml (file): cannot be read');
  });

  it('formats a real validation issue', () => {
    const text = edit(RUBRIC, 'id: clarity', 'id: Clarity');
    const [issue] = issuesOf('rubric', text);
    expect(formatIssue(issue!)).toBe(`rubric.yaml:${lineOf(text, 'id: Clarity')} criteria[2].id: ${issue!.message}`);
  });
});

describe('readEnv', () => {
  it('applies defaults for an empty environment', () => {
    const env = readEnv({});
    expect(env.port).toBe(3000);
    expect(env.dataDir).toBe(resolve('./data'));
    expect(env.databasePath).toBe(join(env.dataDir, 'memoai.db'));
    expect(env.publicOrigin).toBe('http://localhost:3000');
    expect(env.originIsDefault).toBe(true);
    expect(env.nodeEnv).toBe('development');
    expect(env.llmProvider).toBeUndefined();
    expect(env.shutdownGraceSeconds).toBe(20);
  });

  it('puts the database under DATA_DIR unless DATABASE_PATH is set', () => {
    const d = join(tmpdir(), 'memoai-data');
    expect(readEnv({ DATA_DIR: d }).databasePath).toBe(join(d, 'memoai.db'));
    expect(readEnv({ DATA_DIR: d, DATABASE_PATH: '/srv/db/x.sqlite' }).databasePath).toBe('/srv/db/x.sqlite');
  });

  it('derives the default origin from PORT', () => {
    const env = readEnv({ PORT: '8080' });
    expect(env.port).toBe(8080);
    expect(env.publicOrigin).toBe('http://localhost:8080');
    expect(env.originIsDefault).toBe(true);
  });

  it('strips a trailing slash from PUBLIC_ORIGIN', () => {
    const env = readEnv({ PUBLIC_ORIGIN: 'https://memo.example.edu/' });
    expect(env.publicOrigin).toBe('https://memo.example.edu');
    expect(env.originIsDefault).toBe(false);
  });

  it.each(['abc', '70000', '-1', '3000.5'])('rejects PORT=%j naming the variable', (port) => {
    expect(() => readEnv({ PORT: port })).toThrow(/PORT/);
    expect(() => readEnv({ PORT: port })).toThrow(Error);
  });

  it('rejects an unknown LLM_PROVIDER naming the variable', () => {
    expect(() => readEnv({ LLM_PROVIDER: 'openai' })).toThrow(/LLM_PROVIDER/);
    expect(readEnv({ LLM_PROVIDER: 'demo' }).llmProvider).toBe('demo');
  });

  it('treats an empty or blank variable as not set (compose passes every key of .env)', () => {
    const keys = ['PORT', 'HOST', 'DATA_DIR', 'DATABASE_PATH', 'CONFIG_DIR', 'PUBLIC_ORIGIN', 'ANTHROPIC_API_KEY', 'ANTHROPIC_BASE_URL', 'LLM_PROVIDER', 'LLM_MODEL', 'LLM_TIMEOUT', 'LOG_LEVEL', 'SHUTDOWN_GRACE_SECONDS', 'BACKUP_SCHEDULE', 'BACKUP_RETENTION', 'METRICS_TOKEN', 'METRICS_PUBLIC', 'DISK_MIN_FREE_MB', 'BACKUP_RESTIC_REPOSITORY', 'RESTIC_PASSWORD', 'RESTIC_PASSWORD_FILE', 'ADMIN_USERNAME', 'ADMIN_PASSWORD', 'NODE_ENV'];
    for (const blank of ['', '  ']) expect(readEnv(Object.fromEntries(keys.map((k) => [k, blank])))).toEqual(readEnv({}));
  });

  it('accepts .env.example as shipped', () => {
    const text = readFileSync(join(import.meta.dirname, '../../.env.example'), 'utf8');
    const vars = Object.fromEntries(text.split('\n').filter((l) => /^[A-Z_]+=/.test(l)).map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));
    expect(Object.keys(vars)).toEqual(expect.arrayContaining(['LLM_PROVIDER', 'LLM_TIMEOUT', 'METRICS_TOKEN', 'BACKUP_RESTIC_REPOSITORY']));
    const env = readEnv({ ...vars, NODE_ENV: 'production' });
    expect(env.llmProvider).toBeUndefined();
    expect(env.llmTimeoutSeconds).toBeUndefined();
    expect(env.backupSchedule).toBe('0 2 * * 0');
    expect(env.restic.repository).toBe('');
  });

  it('names every bad variable at once', () => {
    let message = '';
    try {
      readEnv({ PORT: 'x', LLM_PROVIDER: 'openai', PUBLIC_ORIGIN: 'not a url' });
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).toContain('PORT');
    expect(message).toContain('LLM_PROVIDER');
    expect(message).toContain('PUBLIC_ORIGIN');
  });
});
