import type { Db } from '../db/client.ts';
import { latestAnchorVersions } from '../db/queries/anchors.ts';
import { parseAnchor, type Anchor, type VersionedAnchor } from './anchors.ts';

interface Logs {
  error(obj: object, msg: string): void;
}

/**
 * The anchors in force for an assignment, sorted by id: each anchor's newest stored version, else the
 * shipped file (version 0); an anchor removed in its newest version is left out. A stored version that
 * no longer parses is skipped with a logged error (the shipped file, if any, stands in).
 */
export function effectiveAnchors(db: Db, assignmentId: number, shipped: readonly Anchor[], log?: Logs): VersionedAnchor[] {
  const byId = new Map<string, VersionedAnchor>(shipped.map((anchor) => [anchor.id, { anchor, version: 0 }]));
  for (const row of latestAnchorVersions(db, assignmentId)) {
    if (row.yaml === null) {
      byId.delete(row.anchorId);
      continue;
    }
    const res = parseAnchor(row.yaml, `anchor ${row.anchorId} v${row.version}`);
    if (res.ok && res.anchor.id === row.anchorId) byId.set(row.anchorId, { anchor: res.anchor, version: row.version });
    else log?.error({ assignmentId, anchor: row.anchorId, version: row.version }, 'stored anchor version is not usable; skipped');
  }
  return [...byId.values()].sort((a, b) => a.anchor.id.localeCompare(b.anchor.id));
}
