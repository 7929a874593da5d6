import { join } from 'node:path';
import { shippedAnchorCount, shippedAnchorIssues } from '../calibration/anchors.ts';
import { checkEnvironment } from '../config/env-check.ts';
import { readEnv } from '../config/env.ts';
import { loadConfigDir } from '../config/load.ts';
import { CONFIG_FILES } from '../config/schemas.ts';
import { formatIssue } from '../config/yaml-source.ts';
import { createProvider } from '../llm/provider.ts';

/** `npm run validate-config [dir]`: the start-up check (environment, config/*.yaml and config/anchors/*.yaml), on its own, with every problem listed. */
function main(): number {
  const env = readEnv({ ...process.env, ...(process.argv[2] ? { CONFIG_DIR: process.argv[2] } : {}) });
  const { problems, notes } = checkEnvironment(env);
  console.log(`Checking the environment (NODE_ENV=${env.nodeEnv})`);
  for (const note of notes) console.log(`  · ${note}`);
  for (const p of problems) console.error(`  ✗ ${p}`);
  if (problems.length) {
    console.error(`${problems.length} problem${problems.length === 1 ? '' : 's'} in the environment.`);
    return 1;
  }
  console.log('  ✓ environment');
  console.log(`Checking ${Object.keys(CONFIG_FILES).map((n) => `${n}.yaml`).join(', ')} in ${env.configDir}`);
  const res = loadConfigDir(env.configDir);
  if (!res.ok) {
    for (const issue of res.issues) console.error(`  ✗ ${formatIssue(issue)}`);
    console.error(`${res.issues.length} problem${res.issues.length === 1 ? '' : 's'} found.`);
    return 1;
  }
  const { rubric, llm } = res.value;
  const anchorIssues = shippedAnchorIssues(env.configDir, rubric);
  if (anchorIssues.length) {
    for (const issue of anchorIssues) console.error(`  ✗ ${formatIssue(issue)}`);
    console.error(`${anchorIssues.length} problem${anchorIssues.length === 1 ? '' : 's'} in the anchor memos.`);
    return 1;
  }
  try {
    const provider = createProvider(llm, env.anthropicApiKey, env.anthropicBaseUrl);
    console.log(`  ✓ rubric "${rubric.name}": ${rubric.criteria.length} criteria, weights sum to 100`);
    console.log(`  ✓ anchor memos: ${shippedAnchorCount(env.configDir)} in ${join(env.configDir, 'anchors')}, each fits the rubric`);
    console.log(`  ✓ provider: ${provider.name} (${provider.model})`);
  } catch (err) {
    console.error(`  ✗ ${(err as Error).message}`);
    return 1;
  }
  console.log('Configuration is valid.');
  return 0;
}

try {
  process.exitCode = main();
} catch (err) {
  console.error((err as Error).message);
  process.exitCode = 1;
}
