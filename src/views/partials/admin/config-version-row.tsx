import type { ConfigName } from '../../../config/schemas.ts';
import type { ConfigVersionSummary } from '../../../db/queries/config-versions.ts';
import { formatDate, isoDate } from '../../format.ts';
import { ConfigVersionActions } from './config-version-actions.tsx';

export interface ConfigVersionRowProps {
  name: ConfigName;
  version: ConfigVersionSummary;
  inForce: number;
}

/** One saved version: number, when, who, why, its hash, and its actions. */
export function ConfigVersionRow({ name, version: v, inForce }: ConfigVersionRowProps) {
  return (
    <tr>
      <th scope="row">
        v{v.version}
        {v.version === inForce ? ' (in force)' : ''}
      </th>
      <td>
        <time datetime={isoDate(v.createdAt)}>{formatDate(v.createdAt)}</time>
      </td>
      <td>{v.authorName}</td>
      <td>{v.note}</td>
      <td>
        <code>{v.hash}</code>
      </td>
      <ConfigVersionActions name={name} version={v.version} inForce={inForce} viewLabel={`View v${v.version} and its changes`} />
    </tr>
  );
}
