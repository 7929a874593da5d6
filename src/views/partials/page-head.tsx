import type { AssetUrls } from '../../http/assets.ts';

export interface PageHeadProps {
  /** The whole document title, site name included. */
  title: string;
  assets: AssetUrls;
  /** Without JavaScript, reload the page after this many seconds (pending evaluations). */
  refreshSeconds?: number;
}

/** The document head: title, htmx settings, the stylesheet and the two deferred scripts. */
export function PageHead({ title, assets, refreshSeconds }: PageHeadProps) {
  return (
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <title>{title}</title>
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
  );
}
