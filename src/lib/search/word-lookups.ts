/**
 * The search page's access to Pagefind: one unfiltered search per index word (search-engine.ts
 * combines them), remembered for the next query, with each page's positions and the weighted
 * frequency read back from Pagefind's score (ranking.ts) — which needs the part the page is in
 * (its id says) and that part's size. A one-character search (a prefix) first preloads the
 * chunks its words spill into (prefix-chunks.ts).
 */
import { partOfPageId } from './index-plan.ts';
import { PREFIX_CHUNKS_FILE, type PrefixChunks } from './prefix-chunks.ts';
import { weightedFrequency, type WordOnPage } from './ranking.ts';

export type FilterSelection = Record<string, string[]>;

/** One result as Pagefind's search() returns it, before its data is loaded. */
export interface PagefindResult {
  id: string;
  score: number;
  /** Positions of the matched words on the page. */
  words: number[];
  data: () => Promise<unknown>;
}

/** The part of Pagefind's JavaScript API the search uses. */
export interface PagefindApi {
  search: (
    term: string | null,
    options?: { filters?: FilterSelection },
  ) => Promise<{ results: PagefindResult[] } | null>;
  preload: (term: string) => Promise<unknown>;
}

export interface IndexPart {
  /** Folder of the part under the site's base: pagefind, pagefind-1 … */
  dir: string;
  /** Features indexed in it. */
  pages: number;
}

/** One index word on one page. */
export interface WordOnResult extends WordOnPage {
  /** The word's weighted frequency on the page (ranking.ts). */
  frequency: number;
  /** Loads the page's fragment. */
  data: () => Promise<unknown>;
}

/** Words looked up are kept for the next query (typing adds characters); this many at most. */
const REMEMBERED_WORDS = 512;

export function createWordLookups(
  pagefind: PagefindApi,
  parts: readonly IndexPart[],
  fetchJson: (path: string) => Promise<unknown>,
) {
  const pagesInPart = new Map(parts.map((part) => [part.dir, part.pages]));
  const remembered = new Map<string, Promise<Map<string, WordOnResult>>>();
  let prefixChunks: Promise<PrefixChunks[]> | undefined;

  /** Every page with `word` (or, for a prefix, a word starting with it), without filters. */
  function lookUp(word: string): Promise<Map<string, WordOnResult>> {
    let pages = remembered.get(word);
    if (!pages) {
      if (remembered.size >= REMEMBERED_WORDS) remembered.clear();
      pages = pagefind.search(word).then((response) => {
        const results = response?.results ?? [];
        // Pages of each part that have the word: with the part's size, its idf (ranking.ts).
        const perPart = new Map<string, number>();
        for (const result of results) {
          const part = partOfPageId(result.id);
          perPart.set(part, (perPart.get(part) ?? 0) + 1);
        }
        return new Map(
          results.map((result) => {
            const part = partOfPageId(result.id);
            const word: WordOnPage = { score: result.score, positions: result.words };
            const frequency = weightedFrequency(word, pagesInPart.get(part) ?? results.length, perPart.get(part) ?? 1);
            // Through the result object, never its data function alone: Pagefind's worker drops
            // a result's data once the result object is garbage-collected.
            return [result.id, { ...word, frequency, data: () => result.data() }];
          }),
        );
      });
      remembered.set(word, pages);
    }
    return pages;
  }

  /** Before a one-character search: load every chunk its words spill into (prefix-chunks.ts). */
  async function preloadPrefix(prefix: string): Promise<void> {
    prefixChunks ??= Promise.all(
      parts.map((part) =>
        fetchJson(`${part.dir}/${PREFIX_CHUNKS_FILE}`)
          .then((map) => map as PrefixChunks)
          .catch(() => ({})),
      ),
    );
    const words = new Set((await prefixChunks).flatMap((map) => map[prefix] ?? []));
    await Promise.all([...words].map((word) => pagefind.preload(word)));
  }

  return {
    lookUp,
    /** Every page with a word that starts with `prefix`, once all their chunks are loaded. */
    async lookUpPrefix(prefix: string): Promise<Map<string, WordOnResult>> {
      await preloadPrefix(prefix);
      return lookUp(prefix);
    },
  };
}
