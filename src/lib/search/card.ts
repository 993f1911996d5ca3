/**
 * A result card's content, loaded when the card comes on screen: Pagefind's fragment for the
 * page (rewritten by the indexer to hold the metadata and the first segment of the article
 * text, index-document.ts) and, when the match to show lies further on, that segment's file.
 * The excerpt shows the passage after the headline that holds the most terms close together
 * (passage.ts), every term marked; a match in the headline is marked in the card's title.
 */
import { EXCERPT_CHARS, excerptAround, markedPieces, offsetOfPosition, type Piece } from './excerpt.ts';
import { HEAD_SPAN, type CardBlock, type CardData } from './index-document.ts';
import { partOfPageId } from './index-plan.ts';
import { bestPassage, type TermStarts } from './passage.ts';
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
/** A card fetches at most this many segments of text besides the first while choosing its passage. */
const MAX_SEGMENT_FETCHES = 2;

/** Each term's occurrences after the headline, and its length in positions (its shortest spelling found). */
function bodyTerms(hit: SearchHit): TermStarts[] {
  return hit.occurrences.map((starts, i) => ({
    starts: starts.filter((position) => position >= HEAD_SPAN),
    length: Math.min(...(hit.found[i] ?? []).map((spelling) => [...spelling].length)),
  }));
}

/** The card text's blocks, segment by segment, fetched on demand (segment 0 is in the fragment). */
function cardBlocks(hit: SearchHit, card: CardData, fetchJson: (path: string) => Promise<unknown>) {
  const segments = new Map<number, Promise<CardBlock[]>>([[0, Promise.resolve(card.blocks)]]);
  /** The block holding `position`, where it ends, or undefined past the fetch budget. */
  return async (position: number) => {
    const segment = Math.max(
      0,
      card.segments.findLastIndex((start) => start <= position),
    );
    let blocks = segments.get(segment);
    if (!blocks) {
      if (segments.size > MAX_SEGMENT_FETCHES) return undefined;
      blocks = fetchJson(`${partOfPageId(hit.id)}/text/${hit.id}-${segment}.json`) as Promise<CardBlock[]>;
      segments.set(segment, blocks);
    }
    const loaded = await blocks;
    const index = loaded.findLastIndex(([start]) => start <= position);
    const block = loaded[index];
    if (!block) return undefined;
    const end = loaded[index + 1]?.[0] ?? card.segments[segment + 1] ?? Number.POSITIVE_INFINITY;
    return { block, start: block[0], end };
  };
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
  let excerpt: Piece[] = [];
  if (card) {
    const blockAround = cardBlocks(hit, card, fetchJson);
    const passage = await bestPassage(bodyTerms(hit), EXCERPT_CHARS, blockAround);
    const found = passage && (await blockAround(passage.start));
    if (passage && found) {
      const [start, text] = found.block;
      const at = offsetOfPosition(text, passage.start - start) ?? 0;
      excerpt = excerptAround(text, at, needles, offsetOfPosition(text, passage.end - start) ?? text.length);
    } else {
      // No match after the headline (or filters only): the start of the article.
      const lead = card.blocks.find(([, text]) => [...text].length >= LEAD_MIN_CHARS) ?? card.blocks[0];
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
