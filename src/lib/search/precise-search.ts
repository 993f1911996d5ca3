/**
 * A thin layer over Pagefind's JavaScript API that makes Chinese results exact.
 *
 * Pagefind's index and the browser split Chinese into words differently
 * (https://github.com/Pagefind/pagefind/issues/1237). A word the segmenter does not know,
 * such as 路长制, is indexed as the single characters 路/长/制, and the ranked search then
 * returns every page with those three characters anywhere — a query for 上海浦东 returns
 * every feature that contains 上 and 海. The evaluation (tests/search/) showed this as
 * false hits and as the wrong feature first.
 *
 * Pagefind's exact-phrase search ("…") only returns pages where the characters are
 * adjacent, but gives every page the same score. So we ask Pagefind both ways and combine:
 *   1. each term as an exact phrase — which pages contain it (precision, AND across terms);
 *   2. the terms as a ranked search — where on each page the term's characters are;
 * and rank the pages from (1) by how often the whole term occurs, counted from (2), with
 * Pagefind's own score breaking ties. Everything comes from the index: no page text has to
 * be downloaded to decide what to show.
 */
import { normalizeQuery } from './normalize-query.ts';
import { loadSimplifier, mayContainTraditional } from './traditional-chinese.ts';

/** One result as Pagefind's search() returns it, before its data is loaded. */
export interface RawResult {
  id: string;
  score: number;
  /** Word positions of the matched words on the page. */
  words: number[];
  data: () => Promise<unknown>;
}

export type FilterSelection = Record<string, string[]>;
export type FilterCounts = Record<string, Record<string, number>>;

export interface SearchResponse {
  results: RawResult[];
  filters?: FilterCounts;
  totalFilters?: FilterCounts;
  unfilteredTotalCount?: number;
  [key: string]: unknown;
}

/** The part of Pagefind's API (pagefind.js / createInstance()) that this layer uses. */
export interface PagefindApi {
  search: (term: string | null, options?: { filters?: FilterSelection }) => Promise<SearchResponse | null>;
  [key: string]: unknown;
}

/**
 * How many times a term occurs, from the positions of its words: a term indexed as `size`
 * words occurs wherever `size` consecutive positions are matched.
 */
export function countOccurrences(positions: readonly number[], size: number): number {
  if (size <= 0 || positions.length === 0) return 0;
  const sorted = [...new Set(positions)].sort((a, b) => a - b);
  let count = 0;
  let run = 1;
  for (let i = 1; i <= sorted.length; i += 1) {
    if (i < sorted.length && sorted[i] === (sorted[i - 1] ?? Number.NaN) + 1) {
      run += 1;
    } else {
      count += Math.floor(run / size);
      run = 1;
    }
  }
  return count;
}

/** BM25's saturation: the 10th mention of a term counts for less than the 2nd. */
function saturate(count: number): number {
  return count / (count + 1.2);
}

/**
 * Keep the pages every phrase search found, ranked by how often the terms occur.
 * `phrases[i]` is the exact-phrase response for term i; `ranked` the ranked search of all terms.
 */
export function rankExactMatches(
  ranked: readonly RawResult[],
  phrases: readonly (readonly RawResult[])[],
): RawResult[] {
  const [first, ...rest] = phrases;
  if (!first) return [];
  const inEvery = first.filter((result) => rest.every((other) => other.some((r) => r.id === result.id)));
  // Words per occurrence of each term: the phrase search returns one occurrence's positions.
  const sizes = phrases.map((results) => Math.max(1, results[0]?.words.length ?? 1));
  const rankedById = new Map(ranked.map((result, order) => [result.id, { result, order }]));
  const scored = inEvery.map((phraseResult) => {
    const match = rankedById.get(phraseResult.id);
    const positions = match?.result.words ?? phraseResult.words;
    // Terms' words share one position list; the smallest term size keeps every term counted.
    const occurrences = countOccurrences(positions, Math.min(...sizes));
    return {
      result: match?.result ?? phraseResult,
      score: saturate(Math.max(1, occurrences)),
      order: match?.order ?? Number.MAX_SAFE_INTEGER,
    };
  });
  scored.sort((a, b) => b.score - a.score || a.order - b.order);
  return scored.map(({ result }) => result);
}

/**
 * The result's address with `param` set to the whole terms. Pagefind would put the browser's
 * split of the query there (天, 健, 湖), and the feature page would then mark every 天.
 */
export function withHighlightTerms(url: string, param: string, terms: readonly string[]): string {
  const parsed = new URL(url, 'https://placeholder.invalid');
  parsed.searchParams.delete(param);
  for (const term of terms) parsed.searchParams.append(param, term);
  const relative = `${parsed.pathname}${parsed.search}${parsed.hash}`;
  return parsed.origin === 'https://placeholder.invalid' ? relative : parsed.href;
}

/** Load a result's data with its addresses carrying the whole terms to highlight. */
function highlightingTerms(result: RawResult, param: string, terms: readonly string[]): RawResult {
  return {
    ...result,
    data: async () => {
      const data = (await result.data()) as { url?: string; sub_results?: { url: string }[] };
      if (typeof data.url === 'string') data.url = withHighlightTerms(data.url, param, terms);
      for (const sub of data.sub_results ?? []) sub.url = withHighlightTerms(sub.url, param, terms);
      return data;
    },
  };
}

export interface PreciseSearchOptions {
  /** The query parameter Pagefind's highlighter reads on the feature page (its highlightParam). */
  highlightParam?: string;
}

/** Wrap a Pagefind instance so its search() takes what a reader typed and returns exact results. */
export function createPreciseSearch<Api extends PagefindApi>(
  pagefind: Api,
  { highlightParam }: PreciseSearchOptions = {},
): Api {
  const search: PagefindApi['search'] = async (term, options = {}) => {
    if (term === null) return pagefind.search(null, options);
    // opencc is fetched only for a query that may hold traditional characters.
    const simplify = mayContainTraditional(term) ? await loadSimplifier() : undefined;
    const { terms, text } = normalizeQuery(term, simplify);
    if (terms.length === 0) return { results: [], unfilteredTotalCount: 0 };
    const responses = await Promise.all([
      pagefind.search(text, options),
      ...terms.map((t) => pagefind.search(`"${t}"`, options)),
    ]);
    // A newer search superseded this one (Pagefind returns null for debounced calls).
    if (responses.some((response) => response === null)) return null;
    const [ranked, ...phrases] = responses as SearchResponse[];
    const exact = rankExactMatches(
      ranked?.results ?? [],
      phrases.map((p) => p.results),
    );
    const results = highlightParam ? exact.map((result) => highlightingTerms(result, highlightParam, terms)) : exact;
    // Filter counts of a one-term query are exact from its phrase search; for several terms
    // the first term's counts are an upper bound, better than the ranked search's.
    const counts = phrases[0];
    return {
      ...ranked,
      results,
      ...(counts?.filters ? { filters: counts.filters } : {}),
      ...(counts?.totalFilters ? { totalFilters: counts.totalFilters } : {}),
    };
  };
  return new Proxy(pagefind, {
    get(target, property, receiver) {
      if (property === 'search') return search;
      const value: unknown = Reflect.get(target, property, receiver);
      // Bind the instance's own methods to it, so private state they use stays reachable.
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}
