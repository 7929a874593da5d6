import type { I18n } from '../../i18n/index.ts';
import { evaluationTitle } from '../evaluation-title.ts';
import { documentTitle } from '../format.ts';
import { EvaluationPanel, type PanelProps } from './evaluation-panel.tsx';

/** The htmx answer to a polling panel: the panel, and a <title> htmx moves into document.title (so the tab follows the state). */
export function EvaluationFragment({ panel, i18n }: { panel: PanelProps; i18n: I18n }) {
  const title = evaluationTitle(panel.state, panel.state === 'pending' ? panel.partial : undefined, i18n);
  return (
    <>
      <title>{documentTitle(title, i18n)}</title>
      <EvaluationPanel {...panel} />
    </>
  );
}
