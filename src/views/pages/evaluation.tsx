import type { PageContext } from '../../http/page-context.ts';
import { evaluationTitle } from '../evaluation-title.ts';
import { Page } from '../layouts/page.tsx';
import { EvaluationPanel, type PanelProps } from '../partials/evaluation-panel.tsx';

/** Without JavaScript a pending page reloads itself this often (seconds): new criteria show within it. */
const PENDING_REFRESH_SECONDS = 2;

/** GET /evaluations/:id as a full page. The status region announces when the panel changes. */
export function EvaluationPage({ ctx, panel }: { ctx: PageContext; panel: PanelProps }) {
  const title = evaluationTitle(panel.state, panel.state === 'pending' ? panel.partial : undefined, ctx.i18n);
  return (
    <Page title={title} ctx={ctx} refreshSeconds={panel.state === 'pending' ? PENDING_REFRESH_SECONDS : undefined}>
      <p id="announcer" class="visually-hidden" role="status" aria-live="polite"></p>
      <EvaluationPanel {...panel} />
    </Page>
  );
}
