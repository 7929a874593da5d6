import type { ConfigName } from '../../../config/schemas.ts';
import type { PageContext } from '../../../http/page-context.ts';
import { AdminPage } from '../../layouts/admin-page.tsx';
import { CONFIG_LABELS, versionLabel } from '../../config-labels.ts';
import { ConfigEditForm } from '../../partials/admin/config-edit-form.tsx';

export interface ConfigEditProps {
  ctx: PageContext;
  name: ConfigName;
  yaml: string;
  note: string;
  inForce: number;
  hash: string;
  /** Problems with the YAML, each already worded with its line: "line 27, criteria: …". */
  yamlErrors: string[];
  noteError?: string;
  /** Rubric, prompt and llm: saving makes a draft, which is calibrated and published before it is in force. */
  draft: boolean;
}

/** GET /admin/config/:name: edit one config as YAML; it is validated before it is saved. */
export function ConfigEditPage(p: ConfigEditProps) {
  const file = `${p.name}.yaml`;
  const failed = p.yamlErrors.length > 0 || !!p.noteError;
  return (
    <AdminPage title={`${failed ? 'Error: ' : ''}Edit ${file}`} ctx={p.ctx} section="/admin/config">
      <h1>Edit {file}</h1>
      <p>{CONFIG_LABELS[p.name].holds}</p>
      <p>
        In force: {versionLabel(p.inForce)} (hash <code>{p.hash}</code>).{' '}
        {p.draft
          ? 'Saving stores a draft: it is not in force until it is calibrated against the anchor memos and published from its page.'
          : 'Saving stores a new version and the next evaluation uses it.'}{' '}
        Nothing is saved while any problem remains.
      </p>
      <ConfigEditForm name={p.name} yaml={p.yaml} note={p.note} yamlErrors={p.yamlErrors} noteError={p.noteError} submitLabel={p.draft ? 'Save as draft' : 'Save as a new version'} />
    </AdminPage>
  );
}
