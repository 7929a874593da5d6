import { validateConfigText } from '../config/load.ts';
import { versionsOf } from '../config/index.ts';
import type { Rubric } from '../config/schemas.ts';
import type { ConfigStore } from '../config-versions/store.ts';
import type { Db } from '../db/client.ts';
import { findConfigVersion, findVersionByHash } from '../db/queries/config-versions.ts';

/**
 * The rubric an evaluation was scored with, found by the hash it recorded (evaluations.rubric_version):
 * the one in force, the shipped file, or a stored version. When none matches (a version deleted, or a
 * row older than hashes) the rubric in force is used: only its bands are read, the weights come with the result.
 */
export function rubricUsed(db: Db, store: ConfigStore, hash: string | null): Rubric {
  const current = store.current.files.rubric;
  if (hash === null || hash === store.current.versions.rubric) return current;
  if (hash === versionsOf(store.base).rubric) return store.base.rubric;
  const version = findVersionByHash(db, 'rubric', hash);
  const row = version === undefined ? undefined : findConfigVersion(db, 'rubric', version);
  const parsed = row && validateConfigText('rubric', row.yaml);
  return parsed?.ok ? parsed.value : current;
}
