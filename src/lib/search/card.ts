/**
 * A result card's content, loaded when the card comes on screen: Pagefind's fragment for the
 * page (rewritten by the indexer to hold the metadata and the first segment of the article
 * text, index-document.ts) and, when the match to show lies further on, that segment's file.
 * The excerpt is centred on the first occurrence of the query after the headline; a match in
 * the headline is marked in the card's title instead.
 */
import { excerptAround, markedPieces, offsetOfPosition, type Piece } from './excerpt.ts';
import { HEAD_SPAN, type CardBlock, type CardData } from './index-document.ts';
import { partOfPageId } from './index-plan.ts';
import type { SearchHit } from './search-engine.ts';

/** The fragment as the indexer rewrote it (what Pagefind's data() resolves to). */
export interface CardFragment {
  url: string;
  meta: { title?: string; office?: string; date?: string; image?: string; image_avif?: string };
  zhuanban?: CardData;
}

export interface CardView {
  url: string;
  title: Piece[];
  /** Office · date. */
  meta: string;
  image?: string | undefined;
  imageAvif?: string | undefined;
  excerpt: Piece[];
}

/** A block long enough to stand for the article when no match is in it (not a byline). */
const LEAD_MIN_CHARS = 24;

/** The first occurrence of any term after the headline, if any. */
function firstBodyOccurrence(hit: SearchHit): number | undefined {
  let first: number | undefined;
  for (const starts of hit.occurrences) {
    const start = starts.find((position) => position >= HEAD_SPAN);
    if (start !== undefined && (first === undefined || start < first)) first = start;
  }
  return first;
}

/** The last block starting at or before `position`. */
function blockAt(blocks: readonly CardBlock[], position: number): CardBlock | undefined {
  let found: CardBlock | undefined;
  for (const block of blocks) if (block[0] <= position) found = block;
  return found;
}

/**
 * The card for `hit`. `fetchJson` fetches a file of the index by its path under the site's
 * base; `withHighlight` adds the query to the feature's URL for its highlighter.
 */
export async function loadCard(
  hit: SearchHit,
  fetchJson: (path: string) => Promise<unknown>,
  withHighlight: (url: string, terms: readonly string[]) => string,
): Promise<CardView> {
  const fragment = (await hit.data()) as CardFragment | null;
  if (!fragment) throw new Error(`search: no data for result ${hit.id}`);
  const card = fragment.zhuanban;
  const needles = [...new Set(hit.found.flat())];
  const position = firstBodyOccurrence(hit);
  let excerpt: Piece[] = [];
  if (card) {
    let blocks = card.blocks;
    const segment = position === undefined ? 0 : card.segments.findLastIndex((start) => start <= position);
    if (segment > 0) {
      blocks = (await fetchJson(`${partOfPageId(hit.id)}/text/${hit.id}-${segment}.json`)) as CardBlock[];
    }
    const block = position === undefined ? undefined : blockAt(blocks, position);
    const at = block && position !== undefined ? offsetOfPosition(block[1], position - block[0]) : undefined;
    if (block && at !== undefined) {
      excerpt = excerptAround(block[1], at, needles);
    } else {
      // No match after the headline (or filters only): the start of the article.
      const lead = blocks.find(([, text]) => [...text].length >= LEAD_MIN_CHARS) ?? blocks[0];
      if (lead) excerpt = excerptAround(lead[1], 0, needles);
    }
  }
  return {
    url: withHighlight(fragment.url, needles),
    title: markedPieces(fragment.meta.title ?? '', needles),
    meta: [fragment.meta.office, fragment.meta.date].filter(Boolean).join(' · '),
    image: fragment.meta.image,
    imageAvif: fragment.meta.image_avif,
    excerpt,
  };
}
