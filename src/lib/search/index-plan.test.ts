import { describe, expect, it } from 'vitest';
import { MAX_PAGES_PER_INDEX, planSearchIndexes } from './index-plan.ts';

/** Features 1…n, oldest first. */
const features = (n: number) => Array.from({ length: n }, (_, i) => i + 1);
/** Each part as [folder, first feature, last feature, how many]. */
const shape = (parts: { dir: string; features: number[] }[]) =>
  parts.map(({ dir, features: held }) => [dir, held[0], held.at(-1), held.length]);

describe('planSearchIndexes', () => {
  it('keeps an archive within the limit in the one primary index', () => {
    const seven = ['jiuzhoulu', 'erqi', 'jiulong', 'fengyang', 'gouzhao', 'changxinglu', 'huayuankou'];
    expect(planSearchIndexes(seven)).toEqual([{ dir: 'pagefind', features: seven }]);
    expect(shape(planSearchIndexes(features(MAX_PAGES_PER_INDEX)))).toEqual([['pagefind', 1, 1500, 1500]]);
  });

  it('cuts the archive oldest first into equal parts; the newest is the primary index, listed first', () => {
    expect(shape(planSearchIndexes(features(7), 3))).toEqual([
      ['pagefind', 5, 7, 3],
      ['pagefind-2', 3, 4, 2],
      ['pagefind-1', 1, 2, 2],
    ]);
  });

  it('splits 5,000 and 10,000 features into as few parts as the limit allows, none of them small', () => {
    expect(shape(planSearchIndexes(features(5000)))).toEqual([
      ['pagefind', 3751, 5000, 1250],
      ['pagefind-3', 2501, 3750, 1250],
      ['pagefind-2', 1251, 2500, 1250],
      ['pagefind-1', 1, 1250, 1250],
    ]);
    const tenThousand = planSearchIndexes(features(10_000));
    expect(tenThousand.map((part) => part.features.length)).toEqual([1429, 1429, 1428, 1429, 1428, 1429, 1428]);
    // One past a multiple of the limit: two parts of about half, not a full one and one of a single page.
    expect(planSearchIndexes(features(3001)).map((part) => part.features.length)).toEqual([1001, 1000, 1000]);
  });

  it('still has a primary index for a site with no features yet', () => {
    expect(planSearchIndexes([])).toEqual([{ dir: 'pagefind', features: [] }]);
  });

  it('refuses a limit that is not a positive whole number', () => {
    expect(() => planSearchIndexes(features(3), 0)).toThrowErrorMatchingInlineSnapshot(
      `[Error: maxPages must be a positive integer, not 0]`,
    );
  });
});
