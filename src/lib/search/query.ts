/**
 * Turns what a reader typed into the terms we search for; a feature must contain every term.
 *
 * A term is a run of text matched exactly as written, after the same folding as the index
 * (fold.ts: width and case). Terms are separated, as in any Chinese search box, by:
 *   - any whitespace (a space, a full-width space): 海绵 改造;
 *   - punctuation a reader types between words, in any mix with spaces (SEPARATORS): commas
 *     , ， 、, stops 。 ; : ! ?, slashes and bars / \ |, dashes, dots, # and brackets —
 *     三项工程,一项管理 finds the feature that prints 三项工程、一项管理;
 *   - emoji, which articles do not print but phone keyboards slip in (😀天健湖 is 天健湖).
 * Kept whole, because the punctuation is part of the word: a decimal point or a thousands
 * separator in a number, a colon or slash between digits (35.97, 2,500, 8:30, 1/3), and a
 * point between Latin letters or digits (PM2.5). A phrase in quotes (“…” "…" ‘…’ 「…」 『…』) is one
 * term with its punctuation: “变化，门口” finds only the features that print it so; whitespace
 * still ends it, and a quote left open runs to the end of the query.
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

/** Punctuation that separates terms, as folded (，→ , ；→ ; （→ ( …→ ...). */
const SEPARATORS = new Set([...',、;:.。!?/\\|¦‖~〜·・•‧—―–#()[]{}<>【】〔〕〖〗《》〈〉']);
/** Quote marks, by family: a phrase opened by any mark of a family is closed by any mark of the same family. */
const QUOTE_FAMILIES = ['"“”„‟〝〞〟', '‘’‚‛', '「」', '『』'];
const QUOTE_FAMILY = new Map(QUOTE_FAMILIES.flatMap((family, i) => [...family].map((mark) => [mark, i] as const)));
/** Emoji and their modifiers: separators too. */
const EMOJI = /[\p{Extended_Pictographic}\u{1F3FB}-\u{1F3FF}\u200d\ufe0e\ufe0f]/u;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const DIGIT = /^[0-9]$/u;
const LATIN_OR_DIGIT = /^[0-9a-z]$/u;

/**
 * Whether the separator at `chars[i]` belongs to the word around it: a point between letters
 * or digits (35.97, pm2.5), a colon or slash between digits (8:30, 1/3), a comma before exactly
 * three digits (2,500 — but pm2.5,5g is two terms).
 */
function keptWhole(chars: readonly string[], i: number): boolean {
  const before = chars[i - 1] ?? '';
  const after = (k: number) => chars[i + k] ?? '';
  switch (chars[i]) {
    case '.':
      return LATIN_OR_DIGIT.test(before) && LATIN_OR_DIGIT.test(after(1));
    case ':':
    case '/':
      return DIGIT.test(before) && DIGIT.test(after(1));
    case ',':
      return DIGIT.test(before) && [1, 2, 3].every((k) => DIGIT.test(after(k))) && !DIGIT.test(after(4));
    default:
      return false;
  }
}

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
  const chars = [...foldText(text)];
  const terms: string[][] = [];
  const seen = new Set<string>();
  let term: string[] = [];
  /** The quote family of the phrase being read, if any. */
  let phrase: number | undefined;
  const end = () => {
    const key = term.join('');
    if (term.length > 0 && LETTER_OR_DIGIT.test(key) && !seen.has(key)) {
      seen.add(key);
      terms.push(term);
    }
    term = [];
  };
  chars.forEach((char, i) => {
    const family = QUOTE_FAMILY.get(char);
    if (WHITESPACE.test(char) || EMOJI.test(char)) {
      end();
    } else if (family !== undefined && (phrase === undefined || phrase === family)) {
      end();
      phrase = phrase === undefined ? family : undefined;
    } else if (phrase === undefined && SEPARATORS.has(char) && !keptWhole(chars, i)) {
      end();
    } else {
      term.push(char);
    }
  });
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
      // The term converted as a whole: a phrase keeps its punctuation in either spelling.
      const simplified = [...foldText(toSimplified(term.chars.join('')))];
      if (simplified.join('') !== term.chars.join('')) term.alternatives.push(simplified);
    }
  }
  return { terms, text: terms.map((term) => term.chars.join('')).join(' ') };
}
