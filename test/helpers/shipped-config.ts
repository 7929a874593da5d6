import { join } from 'node:path';
import { loadConfigDir, type FileConfig } from '../../src/config/load.ts';
import { formatIssue } from '../../src/config/yaml-source.ts';

/** The shipped config/*.yaml, validated (tests tweak copies of them). Light: no app is built. */
export function shippedConfig(): FileConfig {
  const res = loadConfigDir(join(import.meta.dirname, '../../config'));
  if (!res.ok) throw new Error(res.issues.map(formatIssue).join('\n'));
  return res.value;
}
