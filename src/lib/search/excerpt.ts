/**
 * The text a result card shows: the article's own words around a match, with the whole query
 * marked — never the index words, never Pagefind's ". " between blocks. An excerpt stays inside
 * one block (a paragraph, a caption), so it reads as the reader will find it on the page.
 */
import { foldWithOffsets, WHITESPACE } from './fold.ts';

/** A piece of displayed text; `mark` pieces are a match of a query term. */
export interface Piece {
  text: string;
  mark?: true;
}

/** About how many characters an excerpt shows (two or three lines on a phone). */
export const EXCERPT_CHARS = 72;
/** Of those, how many come before the match it is centred on. */
export const CONTEXT_BEFORE = 20;

/** Ranges [start, end) of `text` (UTF-16 offsets) where any of the folded `needles` occurs. */
export function matchRanges(text: string, needles: readonly string[]): [number, number][] {
  const folded = foldWithOffsets(text);
  const haystack = folded.chars;
  const ranges: [number, number][] = [];
  for (const needle of needles) {
    const chars = [...needle];
    if (chars.length === 0) continue;
    for (let i = 0; i + chars.length <= haystack.length; i++) {
      if (chars.every((char, k) => haystack[i + k] === char)) {
        ranges.push([folded.from[i] ?? 0, folded.to[i + chars.length - 1] ?? 0]);
        i += chars.length - 1;
      }
    }
  }
  ranges.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: [number, number][] = [];
  for (const range of ranges) {
    const last = merged.at(-1);
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([...range]);
  }
  return merged;
}

/** `text` cut into pieces with every occurrence of the folded `needles` marked. */
export function markedPieces(text: string, needles: readonly string[]): Piece[] {
  const pieces: Piece[] = [];
  let at = 0;
  for (const [start, end] of matchRanges(text, needles)) {
    if (start > at) pieces.push({ text: text.slice(at, start) });
    pieces.push({ text: text.slice(start, end), mark: true });
    at = end;
  }
  if (at < text.length) pieces.push({ text: text.slice(at) });
  return pieces;
}

/**
 * The UTF-16 offset in `text` of the folded, non-whitespace character number `index`
 * (positions in the index count exactly those characters), or undefined past the end.
 */
export function offsetOfPosition(text: string, index: number): number | undefined {
  const folded = foldWithOffsets(text);
  let seen = 0;
  for (let i = 0; i < folded.chars.length; i++) {
    if (WHITESPACE.test(folded.chars[i] ?? '')) continue;
    if (seen === index) return folded.from[i];
    seen += 1;
  }
  return undefined;
}

/** How many code points of `chars` lie before UTF-16 offset `at`. */
function codePointsBefore(chars: readonly string[], at: number): number {
  let count = 0;
  for (let offset = 0; offset < at && count < chars.length; count++) offset += chars[count]?.length ?? 1;
  return count;
}

/**
 * An excerpt of `text` (one block) showing offsets [at, until): up to CONTEXT_BEFORE characters
 * before it — fewer when that stretch is long, so that all of it fits — the rest after, cut
 * with an ellipsis where the block goes on, every needle marked.
 */
export function excerptAround(text: string, at: number, needles: readonly string[], until = at): Piece[] {
  const chars = [...text];
  // Work in code points so a cut never splits a character.
  const before = codePointsBefore(chars, at);
  const shown = codePointsBefore(chars, until) - before;
  const context = Math.max(0, Math.min(CONTEXT_BEFORE, Math.floor((EXCERPT_CHARS - shown) / 2)));
  let start = Math.max(0, before - context);
  const end = Math.min(chars.length, start + EXCERPT_CHARS);
  start = Math.max(0, Math.min(start, end - EXCERPT_CHARS));
  // Marks are found in the window, then the window is cut: a match is never cut in half.
  const ranges = matchRanges(text, needles);
  let from = chars.slice(0, start).join('').length;
  let to = chars.slice(0, end).join('').length;
  for (const [rangeStart, rangeEnd] of ranges) {
    if (rangeStart < from && rangeEnd > from) from = rangeStart;
    if (rangeStart < to && rangeEnd > to) to = rangeEnd;
  }
  const pieces = markedPieces(text.slice(from, to), needles);
  if (from > 0) pieces.unshift({ text: '…' });
  if (to < text.length) pieces.push({ text: '…' });
  return pieces;
}
