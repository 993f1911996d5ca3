/**
 * Lists that grow with the archive (全部专版, one district, one topic) are cut into pages, so a
 * reader on a phone never downloads a thousand cards and a build never renders them on every
 * list. Astro's `paginate()` makes the pages; this module holds the sizes and the page-number
 * links under a list.
 */

/** Cards on one list page: eight rows on a phone, eight rows of three on a wide screen. */
export const LIST_PAGE_SIZE = 24;

/** Cards the home page shows after its lead feature; the rest are on /archive/. */
export const HOME_LATEST_COUNT = 12;

/** One entry in the row of page links: a page number, or a gap (…) standing for those left out. */
export type PageLink = { kind: 'page'; page: number; current: boolean } | { kind: 'gap' };

/**
 * The page numbers to link under a list: always the first and last, the current one and its
 * neighbours, and a gap for every run left out, so the row stays short at page 40 of 80.
 * A gap never stands for a single page: that page is shown instead.
 */
export function pageLinks(current: number, last: number, neighbours = 1): PageLink[] {
  if (!Number.isInteger(current) || !Number.isInteger(last) || last < 1 || current < 1 || current > last) {
    throw new RangeError(`page ${current} of ${last} is not a page`);
  }
  const shown = new Set([1, last]);
  for (let page = current - neighbours; page <= current + neighbours; page++) {
    if (page >= 1 && page <= last) shown.add(page);
  }
  const pages = [...shown].sort((a, b) => a - b);
  const links: PageLink[] = [];
  let previous = 0;
  for (const page of pages) {
    if (page - previous === 2) links.push({ kind: 'page', page: previous + 1, current: false });
    else if (page - previous > 2) links.push({ kind: 'gap' });
    links.push({ kind: 'page', page, current: page === current });
    previous = page;
  }
  return links;
}

/**
 * The address of page `page` of a list whose first page is at `firstPageUrl` (ending in /):
 * page 1 is the list itself, page n is `<list>/n/`, as Astro's `[...page]` routes build them.
 */
export function pageUrl(firstPageUrl: string, page: number): string {
  const base = firstPageUrl.endsWith('/') ? firstPageUrl : `${firstPageUrl}/`;
  return page === 1 ? base : `${base}${page}/`;
}
