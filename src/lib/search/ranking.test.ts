import { describe, expect, it } from 'vitest';
import { seeded } from '../../../tests/support/random.ts';
import { HEAD_SPAN } from './index-document.ts';
import {
  HEADLINE_WEIGHT,
  idf,
  NEAR,
  proximity,
  saturate,
  termFrequency,
  unsaturate,
  weightedFrequency,
} from './ranking.ts';

describe('ranking', () => {
  it('reads a weighted frequency back from a Pagefind score, whatever the part (seed 41)', () => {
    const random = seeded(41);
    for (let n = 0; n < 500; n++) {
      const frequency = random.int(1, 400) / 4;
      const pages = random.int(2, 1500);
      const containing = random.int(1, pages);
      const score = idf(pages, containing) * saturate(frequency);
      expect(weightedFrequency({ score, positions: [1] }, pages, containing)).toBeCloseTo(frequency, 3);
    }
    expect(unsaturate(saturate(2.5))).toBeCloseTo(2.5, 9);
  });

  it('weighs a phrase in the headline as a headline, and in the body by its words', () => {
    expect(termFrequency([3, HEAD_SPAN + 10], [{ frequency: 4, count: 2 }])).toBe(HEADLINE_WEIGHT + 2);
    expect(
      termFrequency(
        [HEAD_SPAN + 1, HEAD_SPAN + 90],
        [
          { frequency: 20, count: 20 },
          { frequency: 9, count: 3 },
        ],
      ),
    ).toBe(2);
    expect(termFrequency([HEAD_SPAN + 1], [{ frequency: 0.5, count: 1 }])).toBe(1);
  });

  it('ranks terms that stand together in the order typed above the reverse, and both above terms apart', () => {
    // 三项工程、一项管理: the second term starts one character after the first ends.
    expect(proximity([[10], [15]], [4, 4])).toBe(2);
    expect(proximity([[15], [10]], [4, 4])).toBe(1);
    expect(proximity([[10], [14 + NEAR + 1]], [4, 4])).toBe(0);
    // Overlapping occurrences are not "together": one term inside the other.
    expect(proximity([[10], [12]], [4, 2])).toBe(0);
    expect(proximity([[1, 50, 90], [30, 70, 93], [95]], [2, 2, 2])).toBe(4);
    expect(proximity([[5]], [3])).toBe(0);
  });

  it('finds the closest pair of occurrences however they are spread (seed 42)', () => {
    const random = seeded(42);
    const starts = () =>
      [...new Set(Array.from({ length: random.int(1, 8) }, () => random.int(0, 80)))].sort((a, b) => a - b);
    for (let n = 0; n < 2000; n++) {
      const terms = Array.from({ length: random.int(2, 4) }, starts);
      const lengths = terms.map(() => random.int(1, 5));
      const together = (a: number, b: number) =>
        (terms[a] ?? []).some((x) =>
          (terms[b] ?? []).some((y) => y - (x + (lengths[a] ?? 0)) >= 0 && y - (x + (lengths[a] ?? 0)) <= NEAR),
        );
      let expected = 0;
      for (let i = 0; i + 1 < terms.length; i++) expected += together(i, i + 1) ? 2 : together(i + 1, i) ? 1 : 0;
      expect(proximity(terms, lengths)).toBe(expected);
    }
  });
});
