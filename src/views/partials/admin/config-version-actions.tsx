import type { ConfigName } from '../../../config/schemas.ts';
import { ConfigRollbackForm } from './config-rollback-form.tsx';

export interface ConfigVersionActionsProps {
  name: ConfigName;
  version: number;
  /** The version in force gets no rollback button. */
  inForce: number;
  /** The link's text, e.g. "View v3 and its changes". */
  viewLabel: string;
}

/** A history row's actions: view the version, and roll back to it unless it is in force. */
export function ConfigVersionActions({ name, version, inForce, viewLabel }: ConfigVersionActionsProps) {
  return (
    <td>
      <a href={`/admin/config/${name}/versions/${version}`}>{viewLabel}</a>
      {version === inForce ? null : (
        <>
          {' · '}
          <ConfigRollbackForm name={name} version={version} />
        </>
      )}
    </td>
  );
}
