import type { Db } from '../db/client.ts';
import { latestConfigVersion } from '../db/queries/config-versions.ts';
import { CONFIG_NAMES } from '../db/schema.ts';
import { createProvider } from '../llm/provider.ts';
import type { Env } from '../config/env.ts';
import { applyEnvOverrides } from '../config/index.ts';
import { validateConfigText, type FileConfig } from '../config/load.ts';
import type { ConfigName } from '../config/schemas.ts';
import { formatIssue } from '../config/yaml-source.ts';

/** Which stored version each config comes from; 0 means the shipped file in config/. */
export type ConfigSources = Record<ConfigName, number>;

/** Every config from its shipped file: where a fresh database starts. */
export const SHIPPED_SOURCES: ConfigSources = { rubric: 0, prompt: 0, llm: 0, auth: 0 };

/** The full config with one file swapped in; deployment values from the environment still win. */
export function withConfig<N extends ConfigName>(files: FileConfig, name: N, value: FileConfig[N], env: Env): FileConfig {
  return applyEnvOverrides({ ...files, [name]: value }, env);
}

/** Why the provider can't be built from this config (e.g. anthropic without a key), or undefined. */
export function providerProblem(files: FileConfig, env: Env): string | undefined {
  try {
    createProvider(files.llm, env.anthropicApiKey, env.anthropicBaseUrl);
    return undefined;
  } catch (err) {
    return (err as Error).message;
  }
}

interface Logs {
  error(obj: object, msg: string): void;
}

/**
 * The effective config: for each name the newest stored version, else the shipped file. A stored
 * version that no longer validates (schema changed, key removed) is skipped with a logged error.
 */
export function loadEffectiveFiles(db: Db, base: FileConfig, env: Env, log?: Logs): { files: FileConfig; sources: ConfigSources } {
  let files = base;
  const sources = { ...SHIPPED_SOURCES };
  for (const name of CONFIG_NAMES) {
    const row = latestConfigVersion(db, name);
    if (!row) continue;
    const res = validateConfigText(name, row.yaml, `${name}.yaml v${row.version}`);
    const next = res.ok ? withConfig(files, name, res.value, env) : undefined;
    const problem = res.ok ? providerProblem(next!, env) : res.issues.map(formatIssue).join('; ');
    if (problem) {
      log?.error({ config: name, version: row.version, problem }, `stored ${name} config v${row.version} is not usable; using ${name}.yaml`);
      continue;
    }
    files = next!;
    sources[name] = row.version;
  }
  return { files, sources };
}
