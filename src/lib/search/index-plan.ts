/**
 * How the search index is split so that building it needs bounded memory.
 *
 * Pagefind's indexer holds the whole index in memory until it writes it: about 1.2 MB per
 * feature page, 6 GB at 5,000 features (bench/README.md). So the features are indexed in
 * parts of at most MAX_PAGES_PER_INDEX pages, one part after another, and the search page
 * loads the first part as Pagefind's primary index and merges the others into it
 * (Pagefind's multisite `mergeIndex`): a reader searches everything at once.
 *
 * A part holds whole years, oldest first, so an older part's files stay the same while new
 * features arrive, and the same split can later become one CI job per part. The newest part
 * is the primary one, written to /pagefind/; an archive of up to MAX_PAGES_PER_INDEX features
 * has that single index and nothing to merge.
 */

/**
 * The most feature pages one index takes. At 1,500 Pagefind peaks near 1.8 GB; a site of
 * 1,000 features stays one index, so its first query downloads nothing extra.
 */
export const MAX_PAGES_PER_INDEX = 1500;

/** The folder of the primary index, where the search page loads Pagefind from. */
export const PRIMARY_INDEX_DIR = 'pagefind';

export interface SearchIndexPart {
  /** Folder in the built site, and the index's URL path: /<dir>/. */
  dir: string;
  /** The publication years of the features it holds, ascending. Empty only for an empty site. */
  years: number[];
  /** How many feature pages it holds. */
  pages: number;
}

/**
 * Split the features, given by their publication years, into index parts: the primary part
 * (the newest years) first, then older parts, newest to oldest. A year is never divided, so
 * a single year with more than `maxPages` features becomes one part of its own, larger than
 * the limit.
 */
export function planSearchIndexes(years: Iterable<number>, maxPages = MAX_PAGES_PER_INDEX): SearchIndexPart[] {
  const perYear = new Map<number, number>();
  for (const year of years) perYear.set(year, (perYear.get(year) ?? 0) + 1);
  const groups: { years: number[]; pages: number }[] = [];
  for (const year of [...perYear.keys()].sort((a, b) => a - b)) {
    const count = perYear.get(year) ?? 0;
    const last = groups.at(-1);
    if (last && last.pages + count <= maxPages) {
      last.years.push(year);
      last.pages += count;
    } else {
      groups.push({ years: [year], pages: count });
    }
  }
  if (groups.length === 0) return [{ dir: PRIMARY_INDEX_DIR, years: [], pages: 0 }];
  return groups
    .reverse()
    .map((group, order) => ({ ...group, dir: order === 0 ? PRIMARY_INDEX_DIR : partDir(group.years) }));
}

/** pagefind-2009 for one year, pagefind-2009-2014 for several. */
function partDir(years: readonly number[]): string {
  const first = years[0];
  const last = years.at(-1);
  return first === last ? `pagefind-${first}` : `pagefind-${first}-${last}`;
}

/** The folder of the index part that holds features of `year`. */
export function indexDirForYear(parts: readonly SearchIndexPart[], year: number): string {
  const part = parts.find((candidate) => candidate.years.includes(year));
  if (!part) throw new Error(`No search index part holds the year ${year}; plan the parts from every feature's year.`);
  return part.dir;
}
