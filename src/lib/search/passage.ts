/**
 * Which stretch of an article a result card shows: the one that holds the most of the query's
 * terms close together, so that 海绵 改造 shows …采用海绵城市理念…道路综合改造… with both
 * marked, not the first 改造 alone. Close together means within one block (a paragraph, a
 * caption: the excerpt never leaves it) and within `span` characters (what the card shows).
 * Among passages with as many terms, the tightest, then the earliest; for one term that is
 * its first occurrence, as before.
 *
 * Positions are the index's (folded characters without whitespace). Block boundaries are
 * known only for the segment of card text a card has loaded (card.ts), so passages are tried
 * best first as if no block ended inside them, and a block's end can only make one worse:
 * the search stops at the first passage no other can beat.
 */

/** A query term on one page: where it starts (ascending) and how many positions it covers. */
export interface TermStarts {
  starts: readonly number[];
  length: number;
}

/** A stretch [start, end) of positions and how many distinct terms lie wholly inside it. */
export interface Passage {
  start: number;
  end: number;
  terms: number;
}

/** The block holding a position: where it starts and ends; undefined when it is not to be loaded. */
export type BlockAround = (position: number) => Promise<{ start: number; end: number } | undefined>;

/** The first index in ascending `values` whose value is >= `min`. */
function firstAtLeast(values: readonly number[], min: number): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((values[middle] ?? 0) < min) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The passage from `start` to at most `limit`: each term's first occurrence wholly inside. */
function passageFrom(terms: readonly TermStarts[], start: number, limit: number): Passage {
  let end = start;
  let count = 0;
  for (const { starts, length } of terms) {
    const first = starts[firstAtLeast(starts, start)];
    if (first === undefined || first + length > limit) continue;
    count += 1;
    end = Math.max(end, first + length);
  }
  return { start, end, terms: count };
}

/** Better: more terms, then tighter, then earlier. */
function compare(a: Passage, b: Passage): number {
  return b.terms - a.terms || a.end - a.start - (b.end - b.start) || a.start - b.start;
}

/**
 * The best passage of at most `span` positions that starts at an occurrence of a term and
 * stays inside its block, or undefined when there is no occurrence (or no block to show).
 */
export async function bestPassage(
  terms: readonly TermStarts[],
  span: number,
  blockAround: BlockAround,
): Promise<Passage | undefined> {
  const anchors = [...new Set(terms.flatMap(({ starts }) => starts))];
  const candidates = anchors.map((start) => passageFrom(terms, start, start + span)).sort(compare);
  let best: Passage | undefined;
  for (const candidate of candidates) {
    if (best && compare(best, candidate) <= 0) break;
    const block = await blockAround(candidate.start);
    if (!block) continue;
    const clipped = passageFrom(terms, candidate.start, Math.min(candidate.start + span, block.end));
    if (clipped.terms > 0 && (!best || compare(clipped, best) < 0)) best = clipped;
  }
  return best;
}
