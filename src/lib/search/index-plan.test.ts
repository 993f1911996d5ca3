import { describe, expect, it } from 'vitest';
import {
  languageOfPart,
  MAX_PAGES_PER_INDEX,
  partCount,
  partOf,
  partOfPageId,
  planSearchIndexes,
} from './index-plan.ts';

/** Features bench-00000 … as the benchmark generator names them. */
const features = (n: number, from = 0) =>
  Array.from({ length: n }, (_, i) => ({ id: `bench-${String(from + i).padStart(5, '0')}` }));
const sizes = (parts: { features: unknown[] }[]) => parts.map((part) => part.features.length);

describe('planSearchIndexes', () => {
  it('keeps an archive within the limit in the one primary index', () => {
    const seven = ['jiuzhoulu', 'erqi', 'jiulong', 'fengyang', 'gouzhao', 'changxinglu', 'huayuankou'].map((id) => ({
      id,
    }));
    expect(planSearchIndexes(seven)).toEqual([{ dir: 'pagefind', features: seven }]);
    expect(sizes(planSearchIndexes(features(MAX_PAGES_PER_INDEX)))).toEqual([1500]);
  });

  it('splits larger archives into parts of about the same size, none near a part of one page', () => {
    const five = planSearchIndexes(features(5000));
    expect(five.map((part) => part.dir)).toEqual(['pagefind', 'pagefind-1', 'pagefind-2', 'pagefind-3']);
    for (const size of sizes(five)) expect(Math.abs(size - 1250)).toBeLessThan(100);
    const ten = planSearchIndexes(features(10_000));
    expect(ten).toHaveLength(8);
    for (const size of sizes(ten)) expect(size).toBeLessThan(MAX_PAGES_PER_INDEX);
    // One past the limit: two parts of about half, not a full one and one of a single page.
    for (const size of sizes(planSearchIndexes(features(1501)))) expect(Math.abs(size - 750)).toBeLessThan(100);
  });

  it('keeps every feature in its part when features are added, so only the parts that gain one change', () => {
    const before = planSearchIndexes(features(4000));
    const after = planSearchIndexes(features(4100));
    expect(after).toHaveLength(before.length);
    for (const [i, part] of before.entries()) {
      const ids = new Set(after[i]?.features.map((feature) => feature.id));
      expect(part.features.every((feature) => ids.has(feature.id))).toBe(true);
    }
    expect(partOf('bench-00042', 3)).toBe(partOf('bench-00042', 3));
  });

  it('names each part in its own index language, which page ids carry back to the part', () => {
    expect(languageOfPart('pagefind')).toBe('und');
    expect(languageOfPart('pagefind-3')).toBe('und-x-3');
    expect(partOfPageId('und_1a2b3c4')).toBe('pagefind');
    expect(partOfPageId('und-x-3_1a2b3c4d')).toBe('pagefind-3');
  });

  it('still has a primary index for a site with no features yet', () => {
    expect(planSearchIndexes([])).toEqual([{ dir: 'pagefind', features: [] }]);
    expect(partCount(0)).toBe(1);
  });

  it('refuses a limit that is not a positive whole number', () => {
    expect(() => planSearchIndexes(features(3), 0)).toThrowErrorMatchingInlineSnapshot(
      `[Error: maxPages must be a positive integer, not 0]`,
    );
  });
});
