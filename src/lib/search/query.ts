/**
 * Turns what a reader typed into the terms we search for.
 *
 * A term is a run of text matched exactly as written, after the same folding as the index
 * (fold.ts: width and case), so punctuation inside a term counts: 35.97平方公里, PM2.5 and
 * 变化，门口 find exactly the features that print them. Terms are separated by:
 *   - any whitespace (a space, a full-width space): 海绵 改造 means features with both;
 *   - an ASCII double quote, the usual phrase syntax ("海绵城市" is the term 海绵城市);
 *   - emoji, which articles do not print but phone keyboards slip in (😀天健湖 is 天健湖).
 * A term with no letter or digit (！？。) is dropped, and markup is removed (<b>海绵</b> is 海绵).
 * A query that may hold traditional characters is also searched in simplified Chinese
 * (黨建引領 → 党建引领): each term has that second spelling as an alternative, and a feature
 * matches a term when it contains either spelling.
 */
import { foldText, WHITESPACE } from './fold.ts';
import type { Simplifier } from './traditional-chinese.ts';

/** Longer queries are cut: nobody searches for a paragraph, and it must not stall the page. */
export const MAX_QUERY_LENGTH = 64;
/** At most this many terms are searched; more would only ever narrow to nothing. */
export const MAX_TERMS = 6;

/** Characters that end a term besides whitespace: the phrase quote and emoji. */
const SEPARATOR = /["\p{Extended_Pictographic}\u{1F3FB}-\u{1F3FF}\u200d\ufe0e\ufe0f]/u;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

export interface QueryTerm {
  /** The term as searched first: folded characters. */
  chars: string[];
  /** Every spelling searched, folded: `chars`, then the simplified spelling when it differs. */
  alternatives: string[][];
}

export interface ParsedQuery {
  terms: QueryTerm[];
  /** The terms joined by spaces, for display and for the highlighter on the feature page. */
  text: string;
}

/** Markup is never a search term: <b>海绵</b> searches 海绵, <script>…</script> nothing. */
function withoutMarkup(raw: string): string {
  return raw.replace(/<script\b[^>]*>[\s\S]*?(<\/script\s*>|$)/giu, ' ').replace(/<\/?[a-z][^>]*>?/giu, ' ');
}

/** Folded terms of `text`, in order, without repeats. */
function termsOf(text: string): string[][] {
  const terms: string[][] = [];
  const seen = new Set<string>();
  let term: string[] = [];
  const end = () => {
    const key = term.join('');
    if (term.length > 0 && LETTER_OR_DIGIT.test(key) && !seen.has(key)) {
      seen.add(key);
      terms.push(term);
    }
    term = [];
  };
  for (const char of foldText(text)) {
    if (WHITESPACE.test(char) || SEPARATOR.test(char)) end();
    else term.push(char);
  }
  end();
  return terms;
}

/** Cap the number of terms and their total length. */
function capped(terms: readonly string[][]): string[][] {
  const result: string[][] = [];
  let length = 0;
  for (const term of terms.slice(0, MAX_TERMS)) {
    const room = MAX_QUERY_LENGTH - length;
    if (room <= 0) break;
    result.push(term.slice(0, room));
    length += Math.min(term.length, room);
  }
  return result;
}

/**
 * The terms of a query. `toSimplified` converts traditional characters; the caller passes it
 * only when the query may hold some (traditional-chinese.ts), so most queries never load it.
 */
export function parseQuery(raw: string, toSimplified?: Simplifier): ParsedQuery {
  const text = withoutMarkup(raw.slice(0, MAX_QUERY_LENGTH * 4));
  const terms = capped(termsOf(text)).map((chars): QueryTerm => ({ chars, alternatives: [chars] }));
  if (toSimplified) {
    for (const term of terms) {
      const [simplified] = termsOf(toSimplified(term.chars.join('')));
      if (simplified && simplified.join('') !== term.chars.join('')) term.alternatives.push(simplified);
    }
  }
  return { terms, text: terms.map((term) => term.chars.join('')).join(' ') };
}
