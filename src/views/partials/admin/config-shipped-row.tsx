import type { ConfigName } from '../../../config/schemas.ts';
import { ConfigVersionActions } from './config-version-actions.tsx';

export interface ConfigShippedRowProps {
  name: ConfigName;
  inForce: number;
  shippedHash: string;
}

/** The history's last row: the file in config/ as deployed (version 0), which has no author or note. */
export function ConfigShippedRow({ name, inForce, shippedHash }: ConfigShippedRowProps) {
  return (
    <tr>
      <th scope="row">shipped file{inForce === 0 ? ' (in force)' : ''}</th>
      <td>–</td>
      <td>–</td>
      <td>config/{name}.yaml as deployed</td>
      <td>
        <code>{shippedHash}</code>
      </td>
      <ConfigVersionActions name={name} version={0} inForce={inForce} viewLabel="View the shipped file" />
    </tr>
  );
}
