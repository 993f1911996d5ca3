/**
 * How long a feature takes to read.
 *
 * Chinese readers take in about 400 characters a minute; a Latin word or a number
 * ("58同城", "2017", "App") is read at about the same pace as one character, so each
 * counts as one unit. The estimate runs on the MDX source: front matter, import/export
 * lines, JSX tags and their attributes (alt text is not read on the page) and Markdown
 * punctuation carry no reading weight and are removed first.
 */

/** Characters of continuous Chinese prose a reader takes in per minute. */
export const CHINESE_CHARACTERS_PER_MINUTE = 400;

const FRONT_MATTER = /^---\r?\n[\s\S]*?\r?\n---(?:\r?\n|$)/;
const ESM_LINE = /^(?:import|export)\s.*$/gm;
// A JSX tag whose attribute values may hold ">" inside quotes or braces.
const JSX_TAG =
  /<\/?[A-Za-z][\w.:-]*(?:\s+(?:[^\s"'{}>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|\{[^}]*\}|[^\s>]+))?|\{[^}]*\}))*\s*\/?>/g;
const HAN = /\p{Script=Han}/gu;
const WORD = /[\p{Script=Latin}\d]+(?:[.'’-][\p{Script=Latin}\d]+)*/gu;

/** The words a reader sees, with MDX and Markdown syntax removed. */
export function readableText(mdx: string): string {
  return mdx.replace(FRONT_MATTER, '').replace(ESM_LINE, '').replace(JSX_TAG, ' ');
}

/** Han characters plus Latin words and numbers in a piece of text. */
export function countReadingUnits(text: string): number {
  return (text.match(HAN)?.length ?? 0) + (text.match(WORD)?.length ?? 0);
}

export interface ReadingTime {
  /** Han characters plus words: what is shown as “全文约 N 字”. */
  units: number;
  /** Whole minutes, at least 1. */
  minutes: number;
}

/** The reading time of a feature's MDX body. */
export function readingTime(mdx: string, charactersPerMinute = CHINESE_CHARACTERS_PER_MINUTE): ReadingTime {
  const units = countReadingUnits(readableText(mdx));
  return { units, minutes: Math.max(1, Math.ceil(units / charactersPerMinute)) };
}
