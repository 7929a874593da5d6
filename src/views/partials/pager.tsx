import { formatInt } from '../format.ts';

/** The pager's words, already in the page's language (defaults: English, built from `noun`). */
export interface PagerLabels {
  count: string;
  pageOf: string;
  pastEnd: string;
  goTo: string;
  prev: string;
  next: string;
  nav: string;
}

export interface PagerProps {
  /** The element id, so an htmx response can replace the pager (`<hx-partial hx-target="#pager">`). */
  id: string;
  page: number;
  pages: number;
  total: number;
  /** What is counted, singular and plural: ['evaluation', 'evaluations'] (used when `labels` is absent). */
  noun: readonly [string, string];
  /** Links the caller built (they carry its filters); prev/next only where such a page exists. */
  hrefs: { prev?: string; next?: string; last: string };
  label?: string;
  labels?: PagerLabels;
}

function englishLabels({ page, pages, total, noun, label = 'Pages' }: PagerProps): PagerLabels {
  return {
    count: `${formatInt(total)} ${total === 1 ? noun[0] : noun[1]}`,
    pageOf: `Page ${formatInt(page)} of ${formatInt(pages)}`,
    pastEnd: `Page ${formatInt(page)} is past the end; the last page is ${formatInt(pages)}.`,
    goTo: `Go to page ${formatInt(pages)}`,
    prev: '← Previous page',
    next: 'Next page →',
    nav: label,
  };
}

/** "N items · Page X of Y" with prev/next links; a page past the end says so and links to the last one. */
export function Pager(p: PagerProps) {
  const { id, page, pages, hrefs } = p;
  const l = p.labels ?? englishLabels(p);
  const pastEnd = page > pages;
  return (
    <nav id={id} class="pager" aria-label={l.nav}>
      <p>
        {l.count}
        {pastEnd ? null : ` · ${l.pageOf}`}
      </p>
      {pastEnd ? (
        <p class="notice" role="status">
          {l.pastEnd} <a href={hrefs.last}>{l.goTo}</a>
        </p>
      ) : null}
      {hrefs.prev && !pastEnd ? (
        <a rel="prev" href={hrefs.prev}>
          {l.prev}
        </a>
      ) : null}
      {hrefs.next ? (
        <a rel="next" href={hrefs.next}>
          {l.next}
        </a>
      ) : null}
    </nav>
  );
}
