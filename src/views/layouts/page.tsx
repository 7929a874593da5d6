import type { Child } from 'hono/jsx';
import type { PageContext } from '../../http/page-context.ts';
import { documentTitle } from '../format.ts';
import { LanguageSwitch } from '../partials/language-switch.tsx';
import { PageHead } from '../partials/page-head.tsx';
import { SiteFooter } from '../partials/site-footer.tsx';
import { SiteHeader } from '../partials/site-header.tsx';

export interface PageProps {
  title: string;
  ctx: PageContext;
  /** Without JavaScript, reload the page after this many seconds (pending evaluations). */
  refreshSeconds?: number;
  children: Child;
}

/** The one page shell: skip link, header with navigation, flash message, main landmark, footer. */
export function Page({ title, ctx, refreshSeconds, children }: PageProps) {
  const { assets, account, i18n } = ctx;
  return (
    <html lang={i18n.locale}>
      <PageHead title={documentTitle(title, i18n)} assets={assets} refreshSeconds={refreshSeconds} />
      <body>
        <a class="skip-link" href="#main">
          {i18n.t('site.skip')}
        </a>
        <SiteHeader i18n={i18n} account={account} studentMode={ctx.studentMode} />
        <main id="main" tabindex={-1}>
          {ctx.flash ? (
            <p class="notice flash" role="status">
              {ctx.flash}
            </p>
          ) : null}
          {children}
        </main>
        <SiteFooter i18n={i18n} signedIn={account !== undefined}>
          <LanguageSwitch ctx={ctx} />
        </SiteFooter>
      </body>
    </html>
  );
}
