import type { ConfigName } from '../config/schemas.ts';

/** What each config file holds, in the words the admin pages use. */
export const CONFIG_LABELS: Record<ConfigName, { title: string; holds: string }> = {
  rubric: { title: 'Rubric', holds: 'Criteria, weights, the scale and what each level means.' },
  prompt: { title: 'Prompt', holds: "The evaluator's instructions: role, scoring guidelines, segment and coaching guidance, language policy." },
  llm: { title: 'LLM', holds: 'Provider, model, limits (timeouts, retries, concurrency, memo length) and prices. Environment variables still override provider, model, timeout and base URL.' },
  auth: { title: 'Accounts and limits', holds: 'Student mode, session lifetimes, lockout, password policy and rate limits.' },
};

/** "v3", or "shipped file" for version 0. */
export function versionLabel(version: number): string {
  return version === 0 ? 'shipped file' : `v${version}`;
}
