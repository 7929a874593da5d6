import type { Child } from 'hono/jsx';
import type { AssetUrls } from '../../http/assets.ts';

export interface PageProps {
  title: string;
  assets: AssetUrls;
  /** Without JavaScript, reload the page after this many seconds (pending evaluations). */
  refreshSeconds?: number;
  children: Child;
}

/** The one page shell: skip link, header, main landmark, footer; scripts only add behaviour. */
export function Page({ title, assets, refreshSeconds, children }: PageProps) {
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
                <a href="/rubric">Rubric</a>
              </li>
            </ul>
          </nav>
        </header>
        <main id="main" tabindex={-1}>
          {children}
        </main>
        <footer class="site-footer">
          <p>Memo AI Coach gives automated feedback. Your instructor's judgment comes first.</p>
        </footer>
      </body>
    </html>
  );
}
