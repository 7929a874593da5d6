import type { Child } from 'hono/jsx';
import type { PageContext } from '../../http/page-context.ts';

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
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} · Memo AI Coach`}</title>
        <meta name="htmx-config" content='{"includeIndicatorCSS":false}' />
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
          Skip to content
        </a>
        <header class="site-header">
          <a class="brand" href="/">
            Memo AI Coach
          </a>
          <nav aria-label="Main">
            <ul>
              <li>
                <a href="/">New memo</a>
              </li>
              <li>
                <a href="/history">My history</a>
              </li>
              <li>
                <a href="/rubric">Rubric</a>
              </li>
              {account?.role === 'admin' ? (
                <li>
                  <a href="/admin">Admin</a>
                </li>
              ) : null}
              {account ? (
                <li class="account">
                  <span class="account-name">{account.username}</span>
                  <form method="post" action="/logout" class="inline-form">
                    <button type="submit" class="link-button">
                      Log out
                    </button>
                  </form>
                </li>
              ) : ctx.studentMode === 'accounts' ? (
                <li>
                  <a href="/login">Log in</a>
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
            Memo AI Coach gives automated feedback. Your instructor's judgment comes first.
            {account ? null : (
              <>
                {' '}
                <a href="/login">Staff sign in</a>
              </>
            )}
          </p>
        </footer>
      </body>
    </html>
  );
}
