import { formatInt } from '../format.ts';

export interface PagerProps {
  /** The element id, so an htmx response can replace the pager (`<hx-partial hx-target="#pager">`). */
  id: string;
  page: number;
  pages: number;
  total: number;
  /** What is counted, singular and plural: ['evaluation', 'evaluations']. */
  noun: readonly [string, string];
  /** Links the caller built (they carry its filters); prev/next only where such a page exists. */
  hrefs: { prev?: string; next?: string; last: string };
  label?: string;
}

/** "N items · Page X of Y" with prev/next links; a page past the end says so and links to the last one. */
export function Pager({ id, page, pages, total, noun, hrefs, label = 'Pages' }: PagerProps) {
  const pastEnd = page > pages;
  return (
    <nav id={id} class="pager" aria-label={label}>
      <p>
        {formatInt(total)} {total === 1 ? noun[0] : noun[1]}
        {pastEnd ? null : ` · Page ${formatInt(page)} of ${formatInt(pages)}`}
      </p>
      {pastEnd ? (
        <p class="notice" role="status">
          Page {formatInt(page)} is past the end; the last page is {formatInt(pages)}. <a href={hrefs.last}>Go to page {formatInt(pages)}</a>
        </p>
      ) : null}
      {hrefs.prev && !pastEnd ? (
        <a rel="prev" href={hrefs.prev}>
          ← Previous page
        </a>
      ) : null}
      {hrefs.next ? (
        <a rel="next" href={hrefs.next}>
          Next page →
        </a>
      ) : null}
    </nav>
  );
}
