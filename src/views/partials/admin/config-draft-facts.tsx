import type { ConfigDraftView } from '../../../config-versions/draft-view.ts';
import { versionLabel } from '../../config-labels.ts';
import { formatDate, isoDate } from '../../format.ts';

export type ConfigDraftFactsProps = Pick<ConfigDraftView, 'name' | 'saved' | 'state' | 'inForce' | 'inForceHash'>;

function stateText(p: ConfigDraftFactsProps) {
  if (p.state.kind === 'published') return <>Published as <a href={`/admin/config/${p.name}/versions/${p.state.version}`}>v{p.state.version}</a>.</>;
  if (p.state.kind === 'discarded') return 'Discarded: never in force, kept in the history.';
  return `Draft: not in force. Evaluations use ${versionLabel(p.inForce)}.`;
}

/** Who saved a draft, when and why, its hash, what became of it, and what is in force. */
export function ConfigDraftFacts(p: ConfigDraftFactsProps) {
  return (
    <dl class="meta-list">
      <dt>Saved</dt>
      <dd>
        <time datetime={isoDate(p.saved.createdAt)}>{formatDate(p.saved.createdAt)}</time> by {p.saved.authorName}
      </dd>
      <dt>Note</dt>
      <dd>{p.saved.note}</dd>
      <dt>Hash</dt>
      <dd>
        <code>{p.saved.hash}</code>
      </dd>
      <dt>Status</dt>
      <dd id="draft-status">{stateText(p)}</dd>
      <dt>In force</dt>
      <dd>
        {versionLabel(p.inForce)} (hash <code>{p.inForceHash}</code>)
      </dd>
    </dl>
  );
}
