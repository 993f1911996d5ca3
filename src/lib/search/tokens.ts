/**
 * The tokenizer of the search index: the one module that decides how text is cut into index
 * words, used by the indexer (Node, src/integrations/pagefind.ts) and by the search page in
 * the browser alike, so a query is cut exactly as the page was.
 *
 * Why: Pagefind matches whole index words. Its indexer cuts Chinese into words with ICU4X and
 * the browser cuts queries with ICU4C, and wherever the two disagree a query finds nothing
 * (https://github.com/Pagefind/pagefind/issues/1237; issue 11: 37 % of random runs copied
 * from articles found nothing). So Pagefind never cuts our text: it indexes, under a language
 * it neither segments nor stems ('und'), the words this module makes — overlapping pairs of
 * characters, as Lucene's CJKBigramFilter does:
 *
 *   门口的变化  →  门口 口的 的变 变化 化⊣
 *
 * A run of text is cut at whitespace only. Every character of a run starts exactly one word —
 * the pair it begins, or, for the run's last character, that character and END (⊣) — and
 * word i stands at position i of the run, so positions count folded characters. Hence:
 *   - a run of two or more characters occurs at position p exactly when its pairs occur at
 *     p, p+1, …; checking a cover of them (pairs at offsets 0, 2, 4 … and the last pair) is
 *     enough, and reads half as many index chunks as every pair (planTerm, occurrencesOf);
 *   - one character occurs wherever a word starts with it: a prefix search finds them all;
 *   - a string that is not in the text has some pair that is not at the place it would need.
 * Recall and precision are exact by construction, for any run that does not cross whitespace.
 *
 * What Pagefind does to a word (verified against Pagefind 1.6's fossick/splitting.rs, its
 * search wasm and pagefind.js): keeps only alphanumeric characters, lower-cases, strips
 * diacritics after NFD, stems by language, splits "compound" words at ASCII punctuation and
 * camel case; the browser side also drops punctuation from queries. So a word may only hold
 * characters all of that leaves alone: a–z, 0–9 and CJK ideographs (VERBATIM). Any other
 * character — punctuation (，。、“”), spaces inside a run never occur, Latin letters with
 * accents, kana, symbols — is written as two Yi syllables (U+A016 + its code point in base
 * 1,056): Yi is alphanumeric, caseless and has no decomposition, and no Chinese newspaper
 * prints it (a Yi syllable in the text is escaped like any other character, so decoding is
 * never ambiguous). Punctuation is therefore searchable like letters: 35.97平方公里 and the
 * quoted phrase “变化，门口” find exactly the pages that print them (query.ts decides which
 * punctuation a reader means as part of a term).
 */
import { foldChar, WHITESPACE } from './fold.ts';

/** Code point ranges Pagefind keeps verbatim in an index word and in a query: 0–9, a–z, CJK ideographs. */
const VERBATIM: readonly (readonly [number, number])[] = [
  [0x30, 0x39],
  [0x61, 0x7a],
  [0x3400, 0x4dbf], // CJK Extension A
  [0x4e00, 0x9fff], // CJK Unified Ideographs
  [0x20000, 0x2a6df], // Extension B
  [0x2a700, 0x2ebef], // Extensions C–F (and I)
  [0x30000, 0x3134f], // Extension G
];

/** First Yi syllable used as a digit of an escaped character. */
const ESCAPE_BASE = 0xa016;
/** Two digits in base 1,056 reach every code point (1,056² > 0x10FFFF). */
const ESCAPE_RADIX = 1056;
/** Ends the last word of a run (U+A000, a Yi syllable outside the escape digits). */
export const END = '\ua000';

function isVerbatim(codePoint: number): boolean {
  return VERBATIM.some(([low, high]) => codePoint >= low && codePoint <= high);
}

function isEscapeDigit(codeUnit: number): boolean {
  return codeUnit >= ESCAPE_BASE && codeUnit < ESCAPE_BASE + ESCAPE_RADIX;
}

/** The symbol that stands for one folded character in an index word: itself, or two Yi syllables. */
export function symbolOf(char: string): string {
  const codePoint = char.codePointAt(0) ?? 0;
  if (isVerbatim(codePoint)) return char;
  return String.fromCharCode(
    ESCAPE_BASE + Math.floor(codePoint / ESCAPE_RADIX),
    ESCAPE_BASE + (codePoint % ESCAPE_RADIX),
  );
}

/** Split an index word back into its symbols (symbols are prefix-free, so this is unambiguous). */
export function splitSymbols(word: string): string[] {
  const symbols: string[] = [];
  let i = 0;
  while (i < word.length) {
    const unit = word.charCodeAt(i);
    if (isEscapeDigit(unit)) {
      symbols.push(word.slice(i, i + 2));
      i += 2;
    } else {
      const codePoint = word.codePointAt(i) ?? 0;
      const char = String.fromCodePoint(codePoint);
      symbols.push(char);
      i += char.length;
    }
  }
  return symbols;
}

/** The folded character a symbol stands for (END stands for nothing). */
export function charOfSymbol(symbol: string): string {
  if (symbol === END) return '';
  const high = symbol.charCodeAt(0);
  if (symbol.length === 2 && isEscapeDigit(high)) {
    return String.fromCodePoint((high - ESCAPE_BASE) * ESCAPE_RADIX + (symbol.charCodeAt(1) - ESCAPE_BASE));
  }
  return symbol;
}

/** A text folded (fold.ts) and cut at whitespace into runs, each an array of folded characters. */
export function runsOf(text: string): string[][] {
  const runs: string[][] = [];
  let run: string[] = [];
  for (const char of text) {
    for (const out of foldChar(char)) {
      if (WHITESPACE.test(out)) {
        if (run.length > 0) runs.push(run);
        run = [];
      } else {
        run.push(out);
      }
    }
  }
  if (run.length > 0) runs.push(run);
  return runs;
}

/** The index words of one run: one per character, the pair it starts (the last one, itself and END). */
export function indexWords(run: readonly string[]): string[] {
  const symbols = run.map(symbolOf);
  return symbols.map((symbol, i) => symbol + (symbols[i + 1] ?? END));
}

/** The runs (folded characters) that a sequence of index words encodes: indexWords, reversed. */
export function decodeWords(words: readonly string[]): string[][] {
  const runs: string[][] = [];
  let run: string[] = [];
  for (const word of words) {
    const [first = '', second] = splitSymbols(word);
    run.push(charOfSymbol(first));
    if (second === END) {
      runs.push(run);
      run = [];
    }
  }
  if (run.length > 0) runs.push(run);
  return runs;
}

/** How a query term is looked up in the index. */
export type TermPlan =
  /** One character: every word that starts with its symbol (Pagefind's prefix search). */
  | { kind: 'prefix'; prefix: string }
  /**
   * Two or more characters: the term is at position p when every `word` is at p + `offset`.
   * The words cover every character of the term: pairs at offsets 0, 2, 4 … and, for an odd
   * length, the last pair.
   */
  | { kind: 'cover'; words: { word: string; offset: number }[]; length: number };

/** How to look up a term of folded characters (a run: no whitespace). */
export function planTerm(term: readonly string[]): TermPlan {
  const symbols = term.map(symbolOf);
  if (symbols.length === 1) return { kind: 'prefix', prefix: symbols[0] ?? '' };
  const words: { word: string; offset: number }[] = [];
  for (let i = 0; i + 1 < symbols.length; i += 2) words.push({ word: `${symbols[i]}${symbols[i + 1]}`, offset: i });
  if (symbols.length % 2 === 1) {
    const last = symbols.length - 2;
    words.push({ word: `${symbols[last]}${symbols[last + 1]}`, offset: last });
  }
  return { kind: 'cover', words, length: symbols.length };
}

/**
 * Where a term planned as `plan` starts on one page, given where each of its words is on that
 * page (sorted positions): every p such that each word is at p + its offset.
 */
export function occurrencesOf(
  plan: Extract<TermPlan, { kind: 'cover' }>,
  positions: ReadonlyMap<string, readonly number[]>,
): number[] {
  const [first, ...rest] = plan.words;
  if (!first) return [];
  const sets = rest.map(({ word, offset }) => ({ at: new Set(positions.get(word) ?? []), offset }));
  const starts: number[] = [];
  for (const position of positions.get(first.word) ?? []) {
    const start = position - first.offset;
    if (sets.every(({ at, offset }) => at.has(start + offset))) starts.push(start);
  }
  return starts;
}
