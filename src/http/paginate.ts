/** Where one page of a list starts and ends: the page asked for, how many there are, the SQL window. */
export interface Paging {
  /** 1-based; may be past `pages` (the pager then says so and links to the last page). */
  page: number;
  /** At least 1, even for an empty list. */
  pages: number;
  offset: number;
  limit: number;
}

/** `?page=` accepts 1 to 9 digits; anything else is page 1 (a hand-edited URL still shows the list). */
const PAGE_PARAM = /^\d{1,9}$/;

/**
 * The one paging rule of every list: a page that is not a positive integer of at most 9 digits is
 * page 1; a page past the end is kept, so the page can say so, and selects no rows.
 */
export function paginate(pageParam: string | undefined, total: number, pageSize: number): Paging {
  const raw = pageParam?.trim();
  const n = raw !== undefined && PAGE_PARAM.test(raw) ? Number(raw) : 1;
  const page = Math.max(n, 1);
  return { page, pages: Math.max(1, Math.ceil(total / pageSize)), offset: (page - 1) * pageSize, limit: pageSize };
}
