import { createHash } from 'node:crypto';
import { shippedAnchorIssues } from '../calibration/anchors.ts';
import { checkEnvironment } from './env-check.ts';
import { readEnv, type Env } from './env.ts';
import { ConfigError, loadConfigDir, type FileConfig } from './load.ts';
import type { ConfigName } from './schemas.ts';

/** Everything the app is configured with, validated. */
export interface AppConfig {
  env: Env;
  files: FileConfig;
  /** Short content hashes of each effective config, recorded on every evaluation. */
  versions: Record<ConfigName, string>;
}

/** Reads the environment, config/*.yaml and the shipped anchors (config/anchors/*.yaml); throws ConfigError/Error listing every problem. */
export function loadAppConfig(source: Record<string, string | undefined> = process.env): AppConfig {
  const env = readEnv(source);
  const { problems } = checkEnvironment(env);
  if (problems.length) throw new Error(`Invalid environment:\n${problems.map((p) => `  ${p}`).join('\n')}`);
  const res = loadConfigDir(env.configDir);
  if (!res.ok) throw new ConfigError(res.issues);
  // The shipped anchor memos are configuration too: each must parse and fit the shipped rubric.
  const anchorIssues = shippedAnchorIssues(env.configDir, res.value.rubric);
  if (anchorIssues.length) throw new ConfigError(anchorIssues);
  const files = applyEnvOverrides(res.value, env);
  return { env, files, versions: versionsOf(files) };
}

/** Deployment values from the environment win over the YAML defaults. */
export function applyEnvOverrides(files: FileConfig, env: Env): FileConfig {
  const llm = { ...files.llm };
  if (env.llmProvider) llm.provider = env.llmProvider;
  if (env.llmModel) llm.model = env.llmModel;
  if (env.llmTimeoutSeconds) llm.timeout_seconds = env.llmTimeoutSeconds;
  return { ...files, llm };
}

/** Hashes already computed, by config object: the objects in force are read on every form and evaluation, and never mutated. */
const hashes = new WeakMap<object, string>();

/** Short content hash of one config object (memoized per object). */
function configHash(x: object): string {
  let hash = hashes.get(x);
  if (hash === undefined) hashes.set(x, (hash = createHash('sha256').update(JSON.stringify(x)).digest('hex').slice(0, 12)));
  return hash;
}

export function versionsOf(files: FileConfig): Record<ConfigName, string> {
  const h = configHash;
  return { rubric: h(files.rubric), prompt: h(files.prompt), llm: h(files.llm), auth: h(files.auth) };
}
