import type { ConfigVersionView } from '../../../config-versions/overview.ts';
import { versionLabel } from '../../config-labels.ts';
import { formatDate, isoDate } from '../../format.ts';

export type ConfigVersionFactsProps = Pick<ConfigVersionView, 'name' | 'version' | 'saved' | 'inForce'>;

/** Who saved a version, when and why, its hash (or that it is the shipped file), and whether it is in force. */
export function ConfigVersionFacts({ name, version, saved, inForce }: ConfigVersionFactsProps) {
  return (
    <dl class="meta-list">
      {saved ? (
        <>
          <dt>Saved</dt>
          <dd>
            <time datetime={isoDate(saved.createdAt)}>{formatDate(saved.createdAt)}</time> by {saved.authorName}
          </dd>
          <dt>Note</dt>
          <dd>{saved.note}</dd>
          <dt>Hash</dt>
          <dd>
            <code>{saved.hash}</code>
          </dd>
        </>
      ) : (
        <>
          <dt>Source</dt>
          <dd>config/{name}.yaml as deployed (read-only)</dd>
        </>
      )}
      <dt>Status</dt>
      <dd>{version === inForce ? 'In force: evaluations use this version.' : `Not in force (${versionLabel(inForce)} is).`}</dd>
    </dl>
  );
}
