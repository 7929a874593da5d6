import { SiteNav, type SiteNavProps } from './site-nav.tsx';

/** The banner on every page: the site name (a link home) and the main navigation. */
export function SiteHeader(p: SiteNavProps) {
  return (
    <header class="site-header">
      <a class="brand" href="/">
        {p.i18n.t('site.name')}
      </a>
      <SiteNav {...p} />
    </header>
  );
}
