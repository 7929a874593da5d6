import type { ConfigName } from '../../../config/schemas.ts';
import { versionLabel } from '../../config-labels.ts';

export interface ConfigVersionNavProps {
  name: ConfigName;
  version: number;
  /** The newest saved version: no "Newer" link past it. */
  newest: number;
}

/** Older and newer versions of the same config (rel prev/next), and the way back to the overview. */
export function ConfigVersionNav({ name, version, newest }: ConfigVersionNavProps) {
  const base = `/admin/config/${name}/versions`;
  return (
    <nav aria-label="Versions" class="pager">
      {version > 0 ? (
        <a rel="prev" href={`${base}/${version - 1}`}>
          Older: {versionLabel(version - 1)}
        </a>
      ) : null}
      {version < newest ? (
        <a rel="next" href={`${base}/${version + 1}`}>
          Newer: v{version + 1}
        </a>
      ) : null}
      <a href="/admin/config">All configuration</a>
    </nav>
  );
}
