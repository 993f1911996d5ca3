import { describe, expect, it } from 'vitest';
import { seeded } from '../../../tests/support/random.ts';
import { bestPassage, type Passage, type TermStarts } from './passage.ts';

/** Blocks as [start, end) ranges, looked up like card.ts does; counts the lookups. */
function blocksOf(bounds: readonly number[]) {
  const asked: number[] = [];
  const blockAround = (position: number) => {
    asked.push(position);
    const i = bounds.findLastIndex((start) => start <= position);
    return Promise.resolve(
      i < 0 ? undefined : { start: bounds[i] ?? 0, end: bounds[i + 1] ?? Number.POSITIVE_INFINITY },
    );
  };
  return { asked, blockAround };
}

describe('bestPassage', () => {
  it('shows the terms where they stand close together, in one block', async () => {
    // 海绵 at 300 and 900, 改造 at 330 and 940; a block ends at 320, between the first two.
    const terms: TermStarts[] = [
      { starts: [300, 900], length: 2 },
      { starts: [330, 940], length: 2 },
    ];
    expect(await bestPassage(terms, 72, blocksOf([256, 320, 800]).blockAround)).toEqual({
      start: 900,
      end: 942,
      terms: 2,
    });
    // One block from 256: the first pair is closer together and earlier.
    expect(await bestPassage(terms, 72, blocksOf([256]).blockAround)).toEqual({ start: 300, end: 332, terms: 2 });
  });

  it('is the first occurrence for one term, looking up one block', async () => {
    const { asked, blockAround } = blocksOf([256, 400]);
    expect(await bestPassage([{ starts: [280, 500], length: 3 }], 72, blockAround)).toEqual({
      start: 280,
      end: 283,
      terms: 1,
    });
    expect(asked).toEqual([280]);
    expect(await bestPassage([{ starts: [], length: 3 }], 72, blockAround)).toBeUndefined();
  });

  it('holds as many terms as any passage of a block can (seed 52)', async () => {
    const random = seeded(52);
    for (let n = 0; n < 500; n++) {
      const bounds = [...new Set([256, ...Array.from({ length: random.int(0, 6) }, () => random.int(257, 600))])].sort(
        (a, b) => a - b,
      );
      const terms = Array.from({ length: random.int(1, 4) }, () => ({
        starts: [...new Set(Array.from({ length: random.int(0, 5) }, () => random.int(256, 640)))].sort(
          (a, b) => a - b,
        ),
        length: random.int(1, 6),
      }));
      const span = random.int(10, 80);
      const got = await bestPassage(terms, span, blocksOf(bounds).blockAround);
      // Brute force: every window of `span` positions inside one block, starting anywhere.
      let most = 0;
      for (let start = 256; start <= 640; start++) {
        const block = bounds.findLastIndex((bound) => bound <= start);
        const limit = Math.min(start + span, bounds[block + 1] ?? Number.POSITIVE_INFINITY);
        const inside = terms.filter((term) => term.starts.some((s) => s >= start && s + term.length <= limit)).length;
        most = Math.max(most, inside);
      }
      if (most === 0) {
        expect(got).toBeUndefined();
        continue;
      }
      if (!got) throw new Error(`no passage where ${most} terms fit`);
      const passage: Passage = got;
      expect(passage.terms).toBe(most);
      // The passage is what it claims: within its block and the span, holding that many terms.
      const block = bounds.findLastIndex((bound) => bound <= passage.start);
      expect(passage.end).toBeLessThanOrEqual(Math.min(passage.start + span, bounds[block + 1] ?? Infinity));
      const inside = terms.filter((term) =>
        term.starts.some((s) => s >= passage.start && s + term.length <= passage.end),
      ).length;
      expect(inside).toBe(most);
    }
  });
});
