import type { PageContext } from '../../http/page-context.ts';
import { Page } from '../layouts/page.tsx';
import { EvaluationPanel, type PanelProps } from '../partials/evaluation-panel.tsx';

const TITLES = { pending: 'pending.title', done: 'result.title', review: 'review.title', failed: 'failed.title' } as const;

/** GET /evaluations/:id as a full page. The status region announces when the panel changes. */
export function EvaluationPage({ ctx, panel }: { ctx: PageContext; panel: PanelProps }) {
  return (
    <Page title={ctx.i18n.t(TITLES[panel.state])} ctx={ctx} refreshSeconds={panel.state === 'pending' ? 3 : undefined}>
      <p id="announcer" class="visually-hidden" role="status" aria-live="polite"></p>
      <EvaluationPanel {...panel} />
    </Page>
  );
}
