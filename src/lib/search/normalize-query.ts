/**
 * Turns what a reader typed into the terms we search for.
 *
 * Readers type on phones with Chinese IMEs that produce full-width letters and digits
 * (ＰＭ２．５), paste traditional characters (海綿城市) and separate words with either
 * kind of space. The index holds simplified, half-width text, so every query is brought
 * to that form first; each space-separated part becomes a term that a result must contain.
 */
import type { Simplifier } from './traditional-chinese.ts';

/** Longer queries are cut: nobody searches for a paragraph, and it must not stall the page. */
export const MAX_QUERY_LENGTH = 64;

/** At most this many terms are searched; more would only ever narrow to nothing. */
export const MAX_TERMS = 6;

/**
 * Characters that separate terms: anything that is not a letter, digit or combining mark,
 * except a "." or "%" that belongs to a number (35.97, PM2.5, 5%).
 */
const SEPARATOR = /(?<!\p{N})[.%]|[.](?!\p{N})|[^\p{L}\p{N}\p{M}.%]/gu;

export interface NormalizedQuery {
  /** The terms every result must contain, simplified and half-width, in the order typed. */
  terms: string[];
  /** The terms joined by one space: what is handed to Pagefind. Empty when nothing is searchable. */
  text: string;
}

/**
 * `toSimplified` converts traditional characters; the caller passes it only when the query
 * may hold some (traditional-chinese.ts), so simplified queries never load opencc.
 */
export function normalizeQuery(raw: string, toSimplified: Simplifier = (text) => text): NormalizedQuery {
  const text = toSimplified(
    raw
      // NFKC folds full-width letters, digits and punctuation (and the ideographic space) to
      // their half-width forms, so ＰＭ２．５ and PM2.5 are the same query.
      .normalize('NFKC')
      // Markup is never a search term: <b>海绵</b> searches 海绵, <script>…</script> nothing.
      .replace(/<script\b[^>]*>[\s\S]*?(<\/script\s*>|$)/giu, ' ')
      .replace(/<\/?[a-z][^>]*>?/giu, ' ')
      .slice(0, MAX_QUERY_LENGTH * 2),
  ).toLowerCase();
  const terms = [
    ...new Set(
      text
        .replace(SEPARATOR, ' ')
        .split(/\s+/u)
        .filter((term) => term.length > 0),
    ),
  ]
    .filter((term) => /[\p{L}\p{N}]/u.test(term))
    .slice(0, MAX_TERMS);
  // Cap the total length after splitting, so a 1,000-character paste cannot produce a huge term.
  const capped: string[] = [];
  let length = 0;
  for (const term of terms) {
    const room = MAX_QUERY_LENGTH - length;
    if (room <= 0) break;
    capped.push(term.slice(0, room));
    length += Math.min(term.length, room);
  }
  return { terms: capped, text: capped.join(' ') };
}
