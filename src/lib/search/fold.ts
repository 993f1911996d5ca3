/**
 * The one folding that the search index and every query go through, so that a query finds
 * text written in another width or case: ＰＭ２．５ and PM2.5, 　(U+3000) and a space, Ａ and a.
 *
 * Each character (code point) is folded on its own — NFKC, then lower case — and never
 * together with its neighbours. That makes folding commute with cutting: the folding of any
 * run of a text is a run of the text's folding, which is what lets any run a reader copies
 * from a page find that page (tokens.ts). Whole-string NFKC would not: it composes a letter
 * with a combining mark that follows it.
 *
 * Traditional → simplified is not part of it: that conversion works on phrases, not on
 * characters, so it is applied to queries only, as an alternative spelling of a term
 * (traditional-chinese.ts, search-engine.ts).
 */

const folded = new Map<string, string>();

/** True for code points that NFKC and lower-casing leave alone: ASCII a–z, 0–9 and the common CJK ideographs. */
function foldsToItself(codePoint: number): boolean {
  return (
    (codePoint >= 0x4e00 && codePoint <= 0x9fff) ||
    (codePoint >= 0x3400 && codePoint <= 0x4dbf) ||
    (codePoint >= 0x61 && codePoint <= 0x7a) ||
    (codePoint >= 0x30 && codePoint <= 0x39)
  );
}

/** One character (a code point) folded: NFKC, then lower case. Can be several characters (… → ...). */
export function foldChar(char: string): string {
  if (foldsToItself(char.codePointAt(0) ?? 0)) return char;
  let result = folded.get(char);
  if (result === undefined) {
    result = char.normalize('NFKC').toLowerCase();
    folded.set(char, result);
  }
  return result;
}

/** A text folded character by character. */
export function foldText(text: string): string {
  let result = '';
  for (const char of text) result += foldChar(char);
  return result;
}

/** A folded text with, for every folded character, where in the original text it came from. */
export interface FoldedText {
  /** The folded characters (code points), in order. */
  chars: string[];
  /** UTF-16 offset in the original text where the character that produced chars[i] starts. */
  from: number[];
  /** UTF-16 offset in the original text where that character ends. */
  to: number[];
}

/** Fold `text`, remembering where each folded character came from (to mark a match in the original). */
export function foldWithOffsets(text: string): FoldedText {
  const result: FoldedText = { chars: [], from: [], to: [] };
  let offset = 0;
  for (const char of text) {
    const end = offset + char.length;
    for (const out of foldChar(char)) {
      result.chars.push(out);
      result.from.push(offset);
      result.to.push(end);
    }
    offset = end;
  }
  return result;
}

/** Whitespace after folding: it separates runs of text (and the terms of a query). */
export const WHITESPACE = /\s/u;
