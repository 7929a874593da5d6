import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as v from 'valibot';
import { CONFIG_FILES, type AuthConfig, type ConfigName, type LlmConfig, type PromptConfig, type Rubric } from './schemas.ts';
import { llmRules, rubricRules } from './rules.ts';
import { formatIssue, formatPath, parseYaml, type ConfigIssue, type PathKey } from './yaml-source.ts';

/** The four validated YAML files. */
export interface FileConfig {
  rubric: Rubric;
  prompt: PromptConfig;
  llm: LlmConfig;
  auth: AuthConfig;
}

export type Validated<T> = { ok: true; value: T } | { ok: false; issues: ConfigIssue[] };

/** Validates one config file's YAML text: syntax, schema, then cross-field rules. */
export function validateConfigText<N extends ConfigName>(name: N, text: string, file = `${name}.yaml`): Validated<FileConfig[N]> {
  const src = parseYaml(text, file);
  if (!('lineOf' in src)) return { ok: false, issues: [src] };
  const at = (path: PathKey[], message: string): ConfigIssue => ({ file, path: formatPath(path), line: src.lineOf(path), message });
  const parsed = v.safeParse(CONFIG_FILES[name], src.data);
  if (!parsed.success) {
    const issues = parsed.issues.map((i) => at(issuePath(i), i.message));
    return { ok: false, issues };
  }
  const value = parsed.output as FileConfig[N];
  const violations = name === 'rubric' ? rubricRules(value as Rubric) : name === 'llm' ? llmRules(value as LlmConfig) : [];
  if (violations.length) return { ok: false, issues: violations.map((x) => at(x.path, x.message)) };
  return { ok: true, value };
}

function issuePath(issue: v.BaseIssue<unknown>): PathKey[] {
  return (issue.path ?? []).map((p) => (typeof p.key === 'number' || typeof p.key === 'string' ? p.key : String(p.key)));
}

/** Reads and validates every file in the config directory; collects all issues, not just the first. */
export function loadConfigDir(dir: string): Validated<FileConfig> {
  const issues: ConfigIssue[] = [];
  const out: Partial<FileConfig> = {};
  for (const name of Object.keys(CONFIG_FILES) as ConfigName[]) {
    const file = join(dir, `${name}.yaml`);
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      issues.push({ file, path: '(file)', message: 'cannot be read' });
      continue;
    }
    const res = validateConfigText(name, text, file);
    if (res.ok) (out as Record<string, unknown>)[name] = res.value;
    else issues.push(...res.issues);
  }
  return issues.length ? { ok: false, issues } : { ok: true, value: out as FileConfig };
}

/** Thrown at start-up when configuration is invalid; its message lists every issue. */
export class ConfigError extends Error {
  constructor(readonly issues: ConfigIssue[]) {
    super(`Invalid configuration:\n${issues.map((i) => `  ${formatIssue(i)}`).join('\n')}`);
  }
}
