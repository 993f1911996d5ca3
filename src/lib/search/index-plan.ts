/**
 * The folders and index languages of the search index the search page loads.
 *
 * The site's index is one index, /pagefind/, whatever the size of the archive: the indexer
 * merges what changed into it (index-build.ts, index-merge.ts), so no part of it is ever
 * indexed by Pagefind all at once, and readers load one page list and one chunk per word. The
 * search page can still merge further indexes into it (Pagefind's `mergeIndex`), each named in
 * data-search-indexes with its page count: index k is the folder pagefind-k, written in the
 * index language und-x-k, which Pagefind puts at the front of every page id, so the search
 * page knows each result's index (partOfPageId) to correct its statistics (ranking.ts).
 */

/** The folder of the primary index, where the search page loads Pagefind from. */
export const PRIMARY_INDEX_DIR = 'pagefind';
/** The language of the primary index; index k is written in `und-x-k`. */
export const PRIMARY_INDEX_LANGUAGE = 'und';

/** The folder of index `index` (0 is the primary). */
export function partDir(index: number): string {
  return index === 0 ? PRIMARY_INDEX_DIR : `${PRIMARY_INDEX_DIR}-${index}`;
}

/** The index language of the index in folder `dir`. */
export function languageOfPart(dir: string): string {
  const index = /^pagefind-(\d+)$/u.exec(dir)?.[1];
  return index ? `${PRIMARY_INDEX_LANGUAGE}-x-${index}` : PRIMARY_INDEX_LANGUAGE;
}

/** The index folder a Pagefind page id (language_hash) belongs to. */
export function partOfPageId(id: string): string {
  const language = id.slice(0, id.lastIndexOf('_'));
  const index = /-x-(\d+)$/u.exec(language)?.[1];
  return index ? partDir(Number(index)) : PRIMARY_INDEX_DIR;
}
