/**
 * Loads Pagefind and the parts of the index once, under our search engine
 * (src/lib/search/search-engine.ts): the search page's one way to the index.
 */
import { PRIMARY_INDEX_DIR, PRIMARY_INDEX_LANGUAGE } from '../../../lib/search/index-plan.ts';
import { RANKING } from '../../../lib/search/ranking.ts';
import { createSearchEngine, type IndexPart, type PagefindApi } from '../../../lib/search/search-engine.ts';
import { withBase } from '../../../lib/site-url.ts';

interface PagefindModule extends PagefindApi {
  options: (options: Record<string, unknown>) => Promise<void>;
  init: () => Promise<void>;
  mergeIndex: (path: string, options: Record<string, unknown>) => Promise<void>;
  filters: () => Promise<Record<string, Record<string, number>>>;
}

export type Engine = ReturnType<typeof createSearchEngine> & { filters: PagefindModule['filters'] };

/**
 * Every part is searched with the same ranking (src/lib/search/ranking.ts); metadata words
 * never add to a score (their positions are not in the article). Pagefind's options() only
 * reaches the primary part, so each merged part is given them too.
 */
const SEARCH_OPTIONS = {
  ranking: {
    ...RANKING,
    metaWeights: { title: 0, kicker: 0, office: 0, date: 0, image: 0, image_avif: 0, image_alt: 0 },
  },
};

/**
 * The parts of the index and how many features each holds, as the build writes them on the
 * page (`dir:pages dir:pages …`, src/lib/search/index-plan.ts); the first is the primary one.
 */
export function indexParts(attribute: string | undefined): IndexPart[] {
  return (attribute ?? PRIMARY_INDEX_DIR)
    .split(' ')
    .filter(Boolean)
    .map((entry) => {
      const [dir = PRIMARY_INDEX_DIR, pages = '0'] = entry.split(':');
      return { dir, pages: Number(pages) };
    });
}

/** Fetch and parse a JSON file of the index by its path under the site's base (pagefind/x.json). */
export async function fetchJson(path: string): Promise<unknown> {
  const response = await fetch(withBase(`/${path}`));
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
  return response.json();
}

/** A loader of the engine: Pagefind's script, wasm and page list are fetched on the first call only. */
export function engineLoader(parts: readonly IndexPart[]): () => Promise<Engine> {
  const [primary = { dir: PRIMARY_INDEX_DIR, pages: 0 }, ...merged] = parts;
  let engine: Promise<Engine> | undefined;
  return () => {
    engine ??= (import(/* @vite-ignore */ withBase(`/${primary.dir}/pagefind.js`)) as Promise<PagefindModule>).then(
      async (pagefind) => {
        await pagefind.options(SEARCH_OPTIONS);
        // Pagefind takes the index language from <html lang> and, for zh, cuts queries with the
        // browser's segmenter — exactly what our index must not have (tokens.ts). Its init()
        // reads the attribute synchronously, so the page's language is swapped for that instant.
        const html = document.documentElement;
        const language = html.lang;
        html.lang = PRIMARY_INDEX_LANGUAGE;
        const ready = pagefind.init();
        html.lang = language;
        await ready;
        await Promise.all(merged.map((part) => pagefind.mergeIndex(withBase(`/${part.dir}/`), SEARCH_OPTIONS)));
        return { ...createSearchEngine({ pagefind, parts, fetchJson }), filters: () => pagefind.filters() };
      },
    );
    return engine;
  };
}
