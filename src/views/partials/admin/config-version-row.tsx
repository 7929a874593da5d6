import type { ConfigName } from '../../../config/schemas.ts';
import type { ConfigVersionSummary } from '../../../db/queries/config-versions.ts';
import { formatDate, isoDate } from '../../format.ts';
import { ConfigVersionActions } from './config-version-actions.tsx';

export interface ConfigVersionRowProps {
  name: ConfigName;
  version: ConfigVersionSummary;
  inForce: number;
}

/** " (in force)", " (draft)", " (draft, published as v5)", " (discarded draft)" or nothing. */
function marker(v: ConfigVersionSummary, inForce: number): string {
  if (v.status === 'discarded') return ' (discarded draft)';
  if (v.status === 'draft') return v.publishedVersion === null ? ' (draft)' : ` (draft, published as v${v.publishedVersion})`;
  return v.version === inForce ? ' (in force)' : '';
}

/** One saved version or draft: number and status, when, who, why, its hash, and its actions (a draft links to its page). */
export function ConfigVersionRow({ name, version: v, inForce }: ConfigVersionRowProps) {
  return (
    <tr class={v.status === 'published' ? undefined : 'config-draft-row'}>
      <th scope="row">
        v{v.version}
        {marker(v, inForce)}
      </th>
      <td>
        <time datetime={isoDate(v.createdAt)}>{formatDate(v.createdAt)}</time>
      </td>
      <td>{v.authorName}</td>
      <td>{v.note}</td>
      <td>
        <code>{v.hash}</code>
      </td>
      {v.status === 'published' ? (
        <ConfigVersionActions name={name} version={v.version} inForce={inForce} viewLabel={`View v${v.version} and its changes`} />
      ) : (
        <td>
          <a href={`/admin/config/${name}/drafts/${v.version}`}>View draft v{v.version} and its calibration</a>
        </td>
      )}
    </tr>
  );
}
