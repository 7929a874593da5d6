import type { Child } from 'hono/jsx';
import type { PageContext } from '../../http/page-context.ts';
import { LanguageSwitch } from '../partials/language-switch.tsx';

export interface PageProps {
  title: string;
  ctx: PageContext;
  /** Without JavaScript, reload the page after this many seconds (pending evaluations). */
  refreshSeconds?: number;
  children: Child;
}

/** The one page shell: skip link, header with navigation, flash message, main landmark, footer. */
export function Page({ title, ctx, refreshSeconds, children }: PageProps) {
  const { assets, account } = ctx;
  const { t, locale } = ctx.i18n;
  return (
    <html lang={locale}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} · ${t('site.name')}`}</title>
        <meta name="htmx-config" content='{"includeIndicatorCSS":false,"metaCharacter":"_"}' />
        <link rel="icon" href="data:," />
        <link rel="stylesheet" href={assets.css} />
        <script src={assets.htmx} defer></script>
        <script src={assets.js} defer></script>
        {refreshSeconds ? (
          <noscript>
            <meta http-equiv="refresh" content={String(refreshSeconds)} />
          </noscript>
        ) : null}
      </head>
      <body>
        <a class="skip-link" href="#main">
          {t('site.skip')}
        </a>
        <header class="site-header">
          <a class="brand" href="/">
            {t('site.name')}
          </a>
          <nav aria-label={t('nav.label')}>
            <ul>
              <li>
                <a href="/">{t('nav.new')}</a>
              </li>
              <li>
                <a href="/history">{t('nav.history')}</a>
              </li>
              <li>
                <a href="/rubric">{t('nav.rubric')}</a>
              </li>
              {account?.role === 'admin' ? (
                <li>
                  <a href="/admin">{t('nav.admin')}</a>
                </li>
              ) : null}
              {account ? (
                <li class="account">
                  <span class="account-name">{account.username}</span>
                  <form method="post" action="/logout" class="inline-form">
                    <button type="submit" class="link-button">
                      {t('nav.logout')}
                    </button>
                  </form>
                </li>
              ) : ctx.studentMode === 'accounts' ? (
                <li>
                  <a href="/login">{t('nav.login')}</a>
                </li>
              ) : null}
            </ul>
          </nav>
        </header>
        <main id="main" tabindex={-1}>
          {ctx.flash ? (
            <p class="notice flash" role="status">
              {ctx.flash}
            </p>
          ) : null}
          {children}
        </main>
        <footer class="site-footer">
          <p>
            {t('footer.note')}
            {account ? null : (
              <>
                {' '}
                <a href="/login">{t('footer.staff')}</a>
              </>
            )}
          </p>
          <LanguageSwitch ctx={ctx} />
        </footer>
      </body>
    </html>
  );
}
