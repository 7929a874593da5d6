/** The admin history's state lives in its query string; these build links that keep it. */
import { FILTER_FIELDS, type FilterValues } from '../evaluations/filters.ts';

/** A link to the list (or the CSV) with the current filters, some changed; empty values are left out. */
export function evaluationsHref(values: FilterValues, changes: FilterValues & { page?: number } = {}, path = '/admin/evaluations'): string {
  const params = new URLSearchParams();
  const merged: Record<string, string | number | undefined> = { ...values, ...changes };
  for (const key of [...FILTER_FIELDS, 'page'] as const) {
    const value = merged[key];
    if (value !== undefined && value !== '' && !(key === 'page' && value === 1)) params.set(key, String(value));
  }
  const query = params.toString();
  return query ? `${path}?${query}` : path;
}

/** The pager's props for the history: prev/next/last links carrying the filters. */
export function historyPager(values: FilterValues, page: number, pages: number, total: number) {
  return {
    id: 'pager',
    page,
    pages,
    total,
    noun: ['evaluation', 'evaluations'] as const,
    label: 'Evaluation pages',
    hrefs: {
      prev: page > 1 ? evaluationsHref(values, { page: Math.min(page - 1, pages) }) : undefined,
      next: page < pages ? evaluationsHref(values, { page: page + 1 }) : undefined,
      last: evaluationsHref(values, { page: pages }),
    },
  };
}
