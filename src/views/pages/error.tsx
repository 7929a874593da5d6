import type { PageContext } from '../../http/page-context.ts';
import { Page } from '../layouts/page.tsx';

export interface ErrorPageProps {
  ctx: PageContext;
  title: string;
  message: string;
  /** Shown so a user can quote it to support; never a stack trace. */
  requestId?: string;
}

/** Every error the app answers with (403, 404, 413, 415, 500) as a plain, helpful page. */
export function ErrorPage({ ctx, title, message, requestId }: ErrorPageProps) {
  return (
    <Page title={title} ctx={ctx}>
      <h1>{title}</h1>
      <p class="lead">{message}</p>
      {requestId ? <p class="hint">{ctx.i18n.t('http.reference', { id: requestId })}</p> : null}
      <p>
        <a href="/">{ctx.i18n.t('http.back')}</a>
      </p>
    </Page>
  );
}
