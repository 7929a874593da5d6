import type { ConfigVersionView } from '../../../config-versions/overview.ts';
import { versionLabel } from '../../config-labels.ts';
import { ConfigDiffTable } from './config-diff-table.tsx';

export type ConfigVersionChangesProps = Pick<ConfigVersionView, 'version' | 'diff' | 'stats'> & {
  /** The version compared with. */
  previous: number;
};

/** What a version changed from the one before it: a count, then the diff (or that the text is the same). */
export function ConfigVersionChanges({ version, previous, diff, stats }: ConfigVersionChangesProps) {
  return (
    <>
      <h2>
        Changes from {versionLabel(previous)}: {stats.added} added, {stats.deleted} removed
      </h2>
      {stats.added + stats.deleted === 0 ? <p>The text is the same as {versionLabel(previous)}.</p> : <ConfigDiffTable label={`Changes from ${versionLabel(previous)} to ${versionLabel(version)}`} lines={diff} />}
    </>
  );
}
