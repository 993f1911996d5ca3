/**
 * Section headings: in the export they are short lines with no sentence punctuation,
 * standing alone between paragraphs. A Markdown "## " that an earlier hand already added
 * is honoured as it is.
 */
import { endsSentence } from './chars.ts';

export const MAX_HEADING_LENGTH = 32;

export function markdownHeading(line: string): { depth: number; text: string } | undefined {
  const match = /^(#{1,6})\s+(.+?)\s*#*$/u.exec(line.trim());
  return match?.[1] && match[2] ? { depth: match[1].length, text: match[2] } : undefined;
}

/** Could this line be a heading by its own shape? Context (what precedes it) is the caller's to judge. */
export function looksLikeHeading(line: string): boolean {
  const text = line.trim();
  if (text.length < 4 || text.length > MAX_HEADING_LENGTH) return false;
  if (endsSentence(text) && !/[”’」』》]$/u.test(text)) return false;
  if (/[。！？；]/u.test(text)) return false;
  // An opening quote left open is a sentence cut by a column break, not a heading.
  if ((text.match(/[“「『]/gu)?.length ?? 0) > (text.match(/[”」』]/gu)?.length ?? 0)) return false;
  return /\p{Script=Han}/u.test(text);
}

/** A headline can run longer than a section heading: up to 64 characters, still without a full stop. */
export function looksLikeHeadline(line: string): boolean {
  const text = line.trim();
  return text.length >= 4 && text.length <= 64 && !/[。！？；]/u.test(text) && /\p{Script=Han}/u.test(text);
}
