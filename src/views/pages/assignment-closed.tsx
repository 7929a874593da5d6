import type { PageContext } from '../../http/page-context.ts';
import { Page } from '../layouts/page.tsx';

export interface AssignmentClosedPageProps {
  ctx: PageContext;
  title: string;
}

/** GET /a/:slug of a closed assignment: it takes no new memo, and where to go instead. */
export function AssignmentClosedPage({ ctx, title }: AssignmentClosedPageProps) {
  const { t } = ctx.i18n;
  return (
    <Page title={t('assignment.closed.title')} ctx={ctx}>
      <h1>{t('assignment.closed.heading', { title })}</h1>
      <p class="lead">{t('assignment.closed.text')}</p>
      <p>
        <a href="/">{t('assignment.closed.home')}</a> · <a href="/history">{t('nav.history')}</a>
      </p>
    </Page>
  );
}
