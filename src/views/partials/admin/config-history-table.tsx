import type { ConfigName } from '../../../config/schemas.ts';
import type { ConfigVersionSummary } from '../../../db/queries/config-versions.ts';
import { plural } from '../../format.ts';
import { ConfigShippedRow } from './config-shipped-row.tsx';
import { ConfigVersionRow } from './config-version-row.tsx';

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
            <ConfigVersionRow name={p.name} version={v} inForce={p.inForce} />
          ))}
          <ConfigShippedRow name={p.name} inForce={p.inForce} shippedHash={p.shippedHash} />
        </tbody>
      </table>
    </div>
  );
}
