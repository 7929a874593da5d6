import type { ConfigName } from '../../../config/schemas.ts';
import type { ConfigVersionSummary } from '../../../db/queries/config-versions.ts';
import { formatDate, isoDate, plural } from '../../format.ts';
import { ConfigRollbackForm } from './config-rollback-form.tsx';

export interface ConfigHistoryTableProps {
  name: ConfigName;
  /** Newest first. */
  versions: ConfigVersionSummary[];
  /** All stored versions, when more exist than are listed. */
  total: number;
  /** The version in force (0 = shipped file): it gets no rollback button. */
  inForce: number;
  shippedHash: string;
}

/** One config's version history, newest first, ending with the shipped file (version 0). */
export function ConfigHistoryTable(p: ConfigHistoryTableProps) {
  const base = `/admin/config/${p.name}/versions`;
  return (
    <div class="table-wrap">
      <table class="data-table">
        <caption>
          {p.name}.yaml history: {plural(p.total, 'saved version', 'saved versions')}
          {p.total > p.versions.length ? `, newest ${p.versions.length} shown (older ones are linked from each version page)` : ''}
        </caption>
        <thead>
          <tr>
            <th scope="col">Version</th>
            <th scope="col">Saved</th>
            <th scope="col">Author</th>
            <th scope="col">Note</th>
            <th scope="col">Hash</th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {p.versions.map((v) => (
            <tr>
              <th scope="row">
                v{v.version}
                {v.version === p.inForce ? ' (in force)' : ''}
              </th>
              <td>
                <time datetime={isoDate(v.createdAt)}>{formatDate(v.createdAt)}</time>
              </td>
              <td>{v.authorName}</td>
              <td>{v.note}</td>
              <td>
                <code>{v.hash}</code>
              </td>
              <td>
                <a href={`${base}/${v.version}`}>View v{v.version} and its changes</a>
                {v.version === p.inForce ? null : (
                  <>
                    {' · '}
                    <ConfigRollbackForm name={p.name} version={v.version} />
                  </>
                )}
              </td>
            </tr>
          ))}
          <tr>
            <th scope="row">shipped file{p.inForce === 0 ? ' (in force)' : ''}</th>
            <td>–</td>
            <td>–</td>
            <td>config/{p.name}.yaml as deployed</td>
            <td>
              <code>{p.shippedHash}</code>
            </td>
            <td>
              <a href={`${base}/0`}>View the shipped file</a>
              {p.inForce === 0 ? null : (
                <>
                  {' · '}
                  <ConfigRollbackForm name={p.name} version={0} />
                </>
              )}
            </td>
          </tr>
        </tbody>
      </table>
    </div>
  );
}
