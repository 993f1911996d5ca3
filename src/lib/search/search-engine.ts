/**
 * The search itself, on the search page: a reader's query in, the features that contain every
 * term out, best first. Pagefind supplies the index (chunks, per-word positions and scores,
 * filters, merging the parts); what a term matches is decided here, from positions:
 *
 *   1. the query is cut into terms (query.ts), each term into index words (tokens.ts): a
 *      cover of pairs, or for one character a prefix;
 *   2. each distinct index word is one Pagefind search, without filters (so each part's
 *      counts are whole) — Pagefind loads the chunks that hold it, once;
 *   3. a page contains a term where the term's words stand at the right offsets from one
 *      another (occurrencesOf); a page must contain every term;
 *   4. pages are ranked by how closely they hold the terms as typed, then by BM25 over the
 *      archive (ranking.ts); the filters, if any, are one more Pagefind search that only names
 *      the pages they allow.
 * Result cards are loaded separately (card.ts) and only for the results on screen.
 */
import { occurrencesOf, planTerm, type TermPlan } from './tokens.ts';
import { parseQuery, type ParsedQuery, type QueryTerm } from './query.ts';
import { idf, proximity, saturate, termFrequency } from './ranking.ts';
import { loadSimplifier, mayContainTraditional } from './traditional-chinese.ts';
import {
  createWordLookups,
  type FilterSelection,
  type IndexPart,
  type PagefindApi,
  type PagefindResult,
} from './word-lookups.ts';

export type { FilterSelection, IndexPart, PagefindApi, PagefindResult };

export interface SearchEngineOptions {
  pagefind: PagefindApi;
  parts: readonly IndexPart[];
  /** Fetch and parse a JSON file of the index, by its path under the site's base (pagefind/x.json). */
  fetchJson: (path: string) => Promise<unknown>;
}

/** A feature that contains every term of the query. */
export interface SearchHit {
  /** Pagefind's page id; its prefix names the part. */
  id: string;
  score: number;
  /** Per query term, the start positions of its occurrences on the page, ascending. */
  occurrences: number[][];
  /** Per query term, the spellings of it found on the page (folded). */
  found: string[][];
  /** How closely the page holds the terms as typed (ranking.ts): results are ordered by it first. */
  proximity: number;
  /** Loads the page's fragment (metadata and the first segment of its text). */
  data: () => Promise<unknown>;
}

export interface SearchOutcome {
  query: ParsedQuery;
  hits: SearchHit[];
}

/** One spelling of a term on one page: where it starts, and how much it weighs there. */
interface Spelling {
  starts: number[];
  frequency: number;
  data: () => Promise<unknown>;
}

/** A term on one page: its spellings' occurrences together. */
interface TermOnPage extends Spelling {
  found: string[];
}

export function createSearchEngine({ pagefind, parts, fetchJson }: SearchEngineOptions) {
  const totalPages = parts.reduce((sum, part) => sum + part.pages, 0);
  const words = createWordLookups(pagefind, parts, fetchJson);

  /** Where one spelling of a term occurs on every page that has it, and how much it weighs. */
  async function spellingOnPages(plan: TermPlan): Promise<Map<string, Spelling>> {
    const result = new Map<string, Spelling>();
    if (plan.kind === 'prefix') {
      // The prefix search also matches metadata words that start with the character; only
      // positions in the article count. Its score sums the scores of every matching word:
      // read back, a frequency near theirs.
      for (const [id, word] of await words.lookUpPrefix(plan.prefix)) {
        if (word.positions.length === 0) continue;
        const starts = [...word.positions].sort((a, b) => a - b);
        result.set(id, { starts, frequency: word.frequency, data: word.data });
      }
      return result;
    }
    const distinct = [...new Set(plan.words.map(({ word }) => word))];
    const hits = await Promise.all(distinct.map((word) => words.lookUp(word)));
    for (const id of hits[0]?.keys() ?? []) {
      const onPage = hits.map((pages) => pages.get(id));
      if (onPage.some((word) => !word || word.positions.length === 0)) continue;
      const found = onPage as NonNullable<(typeof onPage)[number]>[];
      const starts = occurrencesOf(plan, new Map(distinct.map((word, i) => [word, found[i]?.positions ?? []])));
      if (starts.length === 0) continue;
      starts.sort((a, b) => a - b);
      // A term of one pair (two characters): its weighted frequency is exact.
      const frequency =
        plan.words.length === 1
          ? (found[0]?.frequency ?? 0)
          : termFrequency(
              starts,
              found.map((word) => ({ frequency: word.frequency, count: word.positions.length })),
            );
      result.set(id, { starts, frequency, data: found[0]!.data });
    }
    return result;
  }

  /** Every page that contains the term in any of its spellings. */
  async function termOnPages(term: QueryTerm): Promise<Map<string, TermOnPage>> {
    const spellings = await Promise.all(term.alternatives.map((chars) => spellingOnPages(planTerm(chars))));
    const pages = new Map<string, TermOnPage>();
    spellings.forEach((onPages, i) => {
      const spelling = term.alternatives[i]?.join('') ?? '';
      for (const [id, { starts, frequency, data }] of onPages) {
        const page = pages.get(id);
        if (!page) {
          pages.set(id, { starts, frequency, data, found: [spelling] });
        } else {
          page.starts = [...new Set([...page.starts, ...starts])].sort((a, b) => a - b);
          page.frequency = Math.max(page.frequency, frequency);
          page.found.push(spelling);
        }
      }
    });
    return pages;
  }

  async function pagesAllowedBy(filters: FilterSelection): Promise<Map<string, PagefindResult> | undefined> {
    if (Object.values(filters).every((values) => values.length === 0)) return undefined;
    const response = await pagefind.search(null, { filters });
    return new Map((response?.results ?? []).map((result) => [result.id, result]));
  }

  /** Search: the features containing every term of `raw`, best first (or every feature the filters allow). */
  async function search(raw: string, filters: FilterSelection = {}): Promise<SearchOutcome> {
    // opencc is fetched only for a query that may hold traditional characters.
    const simplify = mayContainTraditional(raw) ? await loadSimplifier() : undefined;
    const query = parseQuery(raw, simplify);
    const allowed = await pagesAllowedBy(filters);
    if (query.terms.length === 0) {
      const hits = [...(allowed?.values() ?? [])].map((result): SearchHit => ({
        id: result.id,
        score: 0,
        occurrences: [],
        found: [],
        proximity: 0,
        data: () => result.data(),
      }));
      return { query, hits };
    }
    const terms = await Promise.all(query.terms.map(termOnPages));
    const [first, ...rest] = terms;
    const hits: SearchHit[] = [];
    const termIdf = terms.map((pages) => idf(totalPages || pages.size, pages.size));
    const lengths = query.terms.map((term) => term.chars.length);
    for (const [id] of first ?? []) {
      if (allowed && !allowed.has(id)) continue;
      if (!rest.every((pages) => pages.has(id))) continue;
      const onPage = terms.map((pages) => pages.get(id)!);
      const score = onPage.reduce((sum, term, i) => sum + (termIdf[i] ?? 0) * saturate(term.frequency), 0);
      hits.push({
        id,
        score,
        occurrences: onPage.map((term) => term.starts),
        found: onPage.map((term) => term.found),
        proximity: proximity(
          onPage.map((term) => term.starts),
          lengths,
        ),
        data: onPage[0]!.data,
      });
    }
    hits.sort((a, b) => b.proximity - a.proximity || b.score - a.score || (a.id < b.id ? -1 : 1));
    return { query, hits };
  }

  return { search };
}
