/**
 * Ranking: for several terms, features where they stand together in the order typed first
 * (proximity); then, and for one term, features where the query is frequent or prominent —
 * BM25 over the whole archive, computed on the page from what Pagefind returns for each index
 * word.
 *
 * Proximity is a tier, not a bonus added to BM25: a reader who types 三项工程,一项管理 copied
 * a phrase, and the feature that prints 三项工程、一项管理 should come before one that uses
 * both words often but apart, however often. Neighbouring terms of the query count 2 where the
 * second follows the first with at most NEAR characters between, 1 where they stand together
 * only the other way round; features with the higher sum come first, BM25 orders each tier.
 *
 * Pagefind ranks each index word with BM25 and the weights of the page markup (headline 7,
 * headings, captions: index-document.ts). The search page asks it with options that make a
 * word's score a clean function of its weighted frequency on the page (RANKING: no length
 * penalty, no metadata boost, no prefix or diacritic bonus), so it can be read back:
 *   score = idf(part) · (k1 + 1) · f / (k1 + f),   f = weighted frequency on the page.
 * Pagefind's idf is that of the part the page is indexed in, and parts differ (a word can be
 * common in one part and rare in the next); the part is in the page id and the page counts of
 * each part are known, so the score is divided by the part's idf and the whole-archive idf of
 * the term is applied instead. Split or not, an archive ranks the same.
 *
 * A term of two characters is one index word, so its weighted frequency is exact. A longer
 * term is several words; its frequency is counted from its exact occurrences, each weighted
 * HEADLINE_WEIGHT in the headline and otherwise by the least weight any of its words has on
 * average there — a phrase in a heading lifts all its words.
 */
import { HEAD_SPAN } from './index-document.ts';

/** Pagefind's term saturation (k1), left at its default. */
export const K1 = 1.4;
/** Weight given to an occurrence in the headline (Pagefind weighs the h1 7, kicker and subtitle 5). */
export const HEADLINE_WEIGHT = 6;

/** Pagefind ranking options that make its scores invertible (see above). */
export const RANKING = {
  termSimilarity: 0,
  pageLength: 0,
  termSaturation: K1,
  termFrequency: 1,
  diacriticSimilarity: 0,
} as const;

/** BM25's inverse document frequency, as Pagefind computes it. */
export function idf(pages: number, containing: number): number {
  return Math.log((pages - containing + 0.5) / (containing + 0.5) + 1);
}

/** BM25's saturation of a weighted frequency: the 10th mention counts for less than the 2nd. */
export function saturate(frequency: number): number {
  return ((K1 + 1) * frequency) / (K1 + frequency);
}

/** The weighted frequency behind a saturated value (saturate, inverted). */
export function unsaturate(saturated: number): number {
  const bounded = Math.min(Math.max(saturated, 0), (K1 + 1) * 0.9999);
  return (K1 * bounded) / (K1 + 1 - bounded);
}

/** What one index word contributes on one page. */
export interface WordOnPage {
  /** Pagefind's score for the word on the page. */
  score: number;
  /** Positions of the word on the page. */
  positions: readonly number[];
}

/**
 * The weighted frequency of a word on a page, from Pagefind's score and the idf of the part
 * the page is in (`partPages` pages, `partContaining` of them with the word).
 */
export function weightedFrequency(word: WordOnPage, partPages: number, partContaining: number): number {
  const partIdf = idf(partPages, partContaining);
  return partIdf > 0 ? unsaturate(word.score / partIdf) : word.positions.length;
}

/**
 * The weighted frequency of a term on a page from its occurrences (start positions) and the
 * weighted frequencies and counts of the words that make it up.
 */
export function termFrequency(
  starts: readonly number[],
  words: readonly { frequency: number; count: number }[],
): number {
  const mean = Math.min(...words.map(({ frequency, count }) => (count > 0 ? frequency / count : 1)));
  const bodyWeight = Math.min(Math.max(Number.isFinite(mean) ? mean : 1, 1), HEADLINE_WEIGHT);
  return starts.reduce((sum, start) => sum + (start < HEAD_SPAN ? HEADLINE_WEIGHT : bodyWeight), 0);
}

/** At most this many characters between two terms that stand together: 三项工程、一项管理, 海绵城市改造. */
export const NEAR = 3;

/** Whether some occurrence of `second` starts 0 to NEAR characters after one of `first` ends (sorted starts). */
function follows(first: readonly number[], firstLength: number, second: readonly number[]): boolean {
  let j = 0;
  for (const start of first) {
    const end = start + firstLength;
    while (j < second.length && (second[j] ?? 0) < end) j += 1;
    if (j === second.length) return false;
    if ((second[j] ?? 0) - end <= NEAR) return true;
  }
  return false;
}

/**
 * The proximity tier of a page: per pair of neighbouring query terms, 2 if they stand together
 * in the order typed, 1 if only the other way round, else 0. `starts` are each term's start
 * positions on the page (ascending), `lengths` each term's length in characters.
 */
export function proximity(starts: readonly (readonly number[])[], lengths: readonly number[]): number {
  let tier = 0;
  for (let i = 0; i + 1 < starts.length; i++) {
    const [first = [], second = []] = [starts[i], starts[i + 1]];
    if (follows(first, lengths[i] ?? 0, second)) tier += 2;
    else if (follows(second, lengths[i + 1] ?? 0, first)) tier += 1;
  }
  return tier;
}
