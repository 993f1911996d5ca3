import { describe, expect, it } from 'vitest';
import { seeded } from '../../../tests/support/random.ts';
import { HEAD_SPAN } from './index-document.ts';
import { HEADLINE_WEIGHT, idf, saturate, termFrequency, unsaturate, weightedFrequency } from './ranking.ts';

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
});
