import type { ConfigName } from '../../../config/schemas.ts';
import { versionLabel } from '../../config-labels.ts';

export interface ConfigVersionNavProps {
  name: ConfigName;
  /** The published versions before and after this one (drafts are skipped), if any. */
  previous: number | undefined;
  next: number | undefined;
}

/** Older and newer versions of the same config (rel prev/next), and the way back to the overview. */
export function ConfigVersionNav({ name, previous, next }: ConfigVersionNavProps) {
  const base = `/admin/config/${name}/versions`;
  return (
    <nav aria-label="Versions" class="pager">
      {previous !== undefined ? (
        <a rel="prev" href={`${base}/${previous}`}>
          Older: {versionLabel(previous)}
        </a>
      ) : null}
      {next !== undefined ? (
        <a rel="next" href={`${base}/${next}`}>
          Newer: v{next}
        </a>
      ) : null}
      <a href="/admin/config">All configuration</a>
    </nav>
  );
}
