/**
 * Turns a feature's article (article.ts) into what Pagefind indexes and what a result card
 * shows, two different things:
 *
 * 1. The document Pagefind indexes: the article's index words (tokens.ts) in HTML, so that
 *    Pagefind's ranking still sees prominence — headline and headings as h1–h6 (Pagefind
 *    weighs them 7 … 2), explicit data-pagefind-weight kept, captions at CAPTION_WEIGHT — plus
 *    the page's metadata and filters. Stream positions count the article's characters: the
 *    headline (kicker, title, subtitle) comes first and is padded to HEAD_SPAN positions with
 *    words Pagefind counts but does not index, so any match at a position below HEAD_SPAN is
 *    in the headline and the body always starts at HEAD_SPAN (ranking.ts, excerpts).
 * 2. The card text: the article after the headline as printed, in blocks with the stream
 *    position each starts at, cut into segments of about SEGMENT_CHARS characters. A card
 *    loads the one segment holding the match it shows, not the whole article (bench/README.md,
 *    "Search index design").
 */
import type { ArticleBlock, ArticleRecord } from './article.ts';
import { indexWords, runsOf } from './tokens.ts';

/** The language the index is written in: one Pagefind neither segments nor stems. */
export const INDEX_LANGUAGE = 'und';
/** Positions reserved for the headline; the body starts here. */
export const HEAD_SPAN = 256;
/** A word Pagefind counts as a position but indexes nothing for (no alphanumeric character). */
export const FILLER = '-';
/** Weight of a figure caption (a body paragraph is 1, an h3 5). */
export const CAPTION_WEIGHT = 2;
/** Card text is cut into segments of about this many characters, at block boundaries. */
export const SEGMENT_CHARS = 600;

/** A block of card text: the stream position of its first character, and its text as printed. */
export type CardBlock = [position: number, text: string];

/** What the indexer adds to a page's Pagefind fragment for the result card (fragment.zhuanban). */
export interface CardData {
  /** The index part the page is in (its folder), for the segment files. */
  part: string;
  /** Stream position at which each segment starts; segment 0 is `blocks` below. */
  segments: number[];
  /** The blocks of segment 0. */
  blocks: CardBlock[];
}

export interface IndexDocument {
  /** The HTML handed to Pagefind. */
  html: string;
  /** The card text, segment by segment (segment 0 first). */
  segments: CardBlock[][];
  /** Positions in the stream: what Pagefind records as the page's word count. */
  length: number;
}

function escapeAttribute(value: string): string {
  return value.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;');
}

/** Whitespace collapsed: how a block's text is stored for the card (positions are unchanged by it). */
export function cardText(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}

function wordsOf(block: ArticleBlock): string[] {
  return runsOf(block.text).flatMap((run) => indexWords(run));
}

function element(block: ArticleBlock, words: readonly string[]): string {
  const weight = block.weight ?? (block.kind === 'caption' ? CAPTION_WEIGHT : undefined);
  const tag = block.level ? `h${block.level}` : 'p';
  const attribute = weight === undefined ? '' : ` data-pagefind-weight="${weight}"`;
  return `<${tag}${attribute}>${words.join(' ')}</${tag}>`;
}

/** The document Pagefind indexes for `record`, and the card text that goes with it. */
export function indexDocument(record: ArticleRecord): IndexDocument {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(record.meta))
    parts.push(`<span data-pagefind-meta="${escapeAttribute(`${key}:${value}`)}"></span>`);
  for (const [name, value] of record.filters)
    parts.push(`<span data-pagefind-filter="${escapeAttribute(`${name}:${value}`)}"></span>`);

  let position = 0;
  for (const block of record.headline) {
    const words = wordsOf(block);
    parts.push(element(block, words));
    position += words.length;
  }
  if (position < HEAD_SPAN) {
    parts.push(`<p>${Array.from({ length: HEAD_SPAN - position }, () => FILLER).join(' ')}</p>`);
    position = HEAD_SPAN;
  }

  const segments: CardBlock[][] = [];
  let segment: CardBlock[] = [];
  let segmentStart = position;
  for (const block of record.blocks) {
    const words = wordsOf(block);
    if (segment.length > 0 && position - segmentStart >= SEGMENT_CHARS) {
      segments.push(segment);
      segment = [];
      segmentStart = position;
    }
    segment.push([position, cardText(block.text)]);
    parts.push(element(block, words));
    position += words.length;
  }
  if (segment.length > 0 || segments.length === 0) segments.push(segment);

  const html = `<!doctype html><html lang="${INDEX_LANGUAGE}"><body><main data-pagefind-body>${parts.join('\n')}</main></body></html>`;
  return { html, segments, length: position };
}
