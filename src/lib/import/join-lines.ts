/**
 * Joins lines that the layout system hard-wrapped to the column width.
 *
 * Chinese has no spaces between words, so two CJK lines join with nothing between them;
 * two Latin words (or numbers) split across lines join with one space, as in English.
 */
import { isCjk } from '../content/punctuation.ts';

const LATIN_END = /[A-Za-z0-9.,;:!?%)\]'"]$/;
const LATIN_START = /^[A-Za-z0-9(\['"]/;

/** Joins two pieces of one paragraph that a line or column break separated. */
export function joinPair(left: string, right: string): string {
  const a = left.replace(/[ \t\u3000]+$/u, '');
  const b = right.replace(/^[ \t\u3000]+/u, '');
  if (a === '') return b;
  if (b === '') return a;
  const last = a.slice(-1);
  const first = b.slice(0, 1);
  if (isCjk(last) || isCjk(first)) return a + b;
  return LATIN_END.test(last) && LATIN_START.test(first) ? `${a} ${b}` : a + b;
}

export function joinLines(lines: readonly string[]): string {
  return lines.reduce((text, line) => joinPair(text, line), '');
}
