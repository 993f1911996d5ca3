/**
 * How the search index is split so that building it needs bounded memory.
 *
 * Pagefind's indexer holds the whole index in memory until it writes it: about 1.2 MB per
 * feature page, 6 GB at 5,000 features (bench/README.md). So the features are indexed in
 * parts of at most MAX_PAGES_PER_INDEX pages, one part after another, and the search page
 * loads the newest part as Pagefind's primary index and merges the others into it
 * (Pagefind's multisite `mergeIndex`): a reader searches everything at once.
 *
 * The archive is cut, in date order, into as few parts as the limit allows, all of one size
 * (give or take a page). Equal parts matter for ranking: Pagefind scores a page against the
 * other pages of its own index, and a part of a handful of pages scores its words as rare,
 * which would put its pages first in every merged result. An archive of up to
 * MAX_PAGES_PER_INDEX features has the single index /pagefind/ and nothing to merge.
 */

/**
 * The most feature pages one index takes. At 1,500 Pagefind peaks near 1.8 GB; a site of
 * 1,000 features stays one index, so its first query downloads nothing extra.
 */
export const MAX_PAGES_PER_INDEX = 1500;

/** The folder of the primary index, where the search page loads Pagefind from. */
export const PRIMARY_INDEX_DIR = 'pagefind';

export interface SearchIndexPart<Feature> {
  /** Folder in the built site, and the index's URL path: /<dir>/. */
  dir: string;
  /** The features it holds, oldest first. */
  features: Feature[];
}

/**
 * Split features, given oldest first, into the fewest parts of at most `maxPages`, equal in
 * size: the oldest into pagefind-1/, the next into pagefind-2/ and so on; the newest part is
 * the primary index, pagefind/. Returned primary first, then newest to oldest.
 */
export function planSearchIndexes<Feature>(
  oldestFirst: readonly Feature[],
  maxPages = MAX_PAGES_PER_INDEX,
): SearchIndexPart<Feature>[] {
  if (!Number.isInteger(maxPages) || maxPages < 1)
    throw new Error(`maxPages must be a positive integer, not ${maxPages}`);
  const count = Math.max(1, Math.ceil(oldestFirst.length / maxPages));
  const start = (part: number) => Math.floor((part * oldestFirst.length) / count);
  const parts = Array.from({ length: count }, (_, i) => ({
    dir: i === count - 1 ? PRIMARY_INDEX_DIR : `${PRIMARY_INDEX_DIR}-${i + 1}`,
    features: oldestFirst.slice(start(i), start(i + 1)),
  }));
  return parts.reverse();
}
