/**
 * How the search index is split into parts, so that building it needs bounded memory and a
 * rebuild re-indexes only what changed.
 *
 * Pagefind's indexer holds a whole index in memory until it writes it (bench/README.md), so
 * an archive of more than MAX_PAGES_PER_INDEX features is indexed in parts, one Pagefind
 * process after another; the search page loads the primary part and merges the others into
 * it (Pagefind's `mergeIndex`), and a reader searches everything at once.
 *
 * A feature's part follows from its id alone — a hash of the id modulo the number of parts —
 * so adding, editing or removing a feature changes its own part only, and the indexer
 * re-indexes just that part (src/integrations/pagefind.ts keeps each part by its digest).
 * Only when the archive grows past a multiple of the limit does the number of parts change,
 * and everything is re-indexed once. Hashing also makes the parts alike: each is a random
 * sample of the archive of about the same size, so a word is about as rare in each of them,
 * which is what Pagefind's per-part scores assume (the search page also corrects for it:
 * ranking.ts). An archive of up to MAX_PAGES_PER_INDEX features has the single index
 * /pagefind/: nothing to merge, one part for readers to load.
 *
 * Each part is written in its own index language ('und', 'und-x-1', …: none that Pagefind
 * segments or stems), which Pagefind puts at the front of every page id: the search page
 * reads a result's part from its id (partOfPageId).
 */

/**
 * Parts are planned for this many features each, so that with the spread hashing gives they
 * stay near MAX_PAGES_PER_INDEX at most. At 1,500 pages Pagefind peaks near 1.8 GB.
 */
export const PAGES_PER_PART = 1400;
/** Up to this many features the archive is one index. */
export const MAX_PAGES_PER_INDEX = 1500;

/** The folder of the primary index, where the search page loads Pagefind from. */
export const PRIMARY_INDEX_DIR = 'pagefind';
/** The language of the primary part; part k is written in `und-x-k`. */
export const PRIMARY_INDEX_LANGUAGE = 'und';

/** How many parts an archive of `total` features is indexed in. */
export function partCount(total: number, maxPages = MAX_PAGES_PER_INDEX, perPart = PAGES_PER_PART): number {
  if (!Number.isInteger(maxPages) || maxPages < 1)
    throw new Error(`maxPages must be a positive integer, not ${maxPages}`);
  return total <= maxPages ? 1 : Math.ceil(total / Math.min(perPart, maxPages));
}

/** The folder of part `index` (0 is the primary). */
export function partDir(index: number): string {
  return index === 0 ? PRIMARY_INDEX_DIR : `${PRIMARY_INDEX_DIR}-${index}`;
}

/** The index language of the part in folder `dir`. */
export function languageOfPart(dir: string): string {
  const index = /^pagefind-(\d+)$/u.exec(dir)?.[1];
  return index ? `${PRIMARY_INDEX_LANGUAGE}-x-${index}` : PRIMARY_INDEX_LANGUAGE;
}

/** The part folder a Pagefind page id (language_hash) belongs to. */
export function partOfPageId(id: string): string {
  const language = id.slice(0, id.lastIndexOf('_'));
  const index = /-x-(\d+)$/u.exec(language)?.[1];
  return index ? partDir(Number(index)) : PRIMARY_INDEX_DIR;
}

/** FNV-1a over the id's UTF-16 code units: stable across runs and platforms. */
function hash(id: string): number {
  let value = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    value ^= id.charCodeAt(i);
    value = Math.imul(value, 0x01000193) >>> 0;
  }
  return value;
}

/** The folder of the part a feature goes into, in an archive indexed in `count` parts. */
export function partOf(id: string, count: number): string {
  return partDir(count <= 1 ? 0 : hash(id) % count);
}

export interface SearchIndexPart<Feature> {
  /** Folder in the built site, and the index's URL path: /<dir>/. */
  dir: string;
  /** The features it holds, in the order given. */
  features: Feature[];
}

/**
 * The parts of an archive: every feature's part by its id, primary first. Parts that hashing
 * left empty (only possible for tiny archives split for tests) are left out.
 */
export function planSearchIndexes<Feature extends { id: string }>(
  features: readonly Feature[],
  maxPages = MAX_PAGES_PER_INDEX,
  perPart = PAGES_PER_PART,
): SearchIndexPart<Feature>[] {
  const count = partCount(features.length, maxPages, perPart);
  const parts = Array.from({ length: count }, (_, index) => ({ dir: partDir(index), features: [] as Feature[] }));
  for (const feature of features) parts[count <= 1 ? 0 : hash(feature.id) % count]?.features.push(feature);
  return parts.filter((part, index) => index === 0 || part.features.length > 0);
}
