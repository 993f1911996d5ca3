/**
 * The merge's order of words is Pagefind's (by UTF-8 bytes), drawn over random strings with
 * CJK, Yi escapes, supplementary ideographs and symbols; the chunk size follows the archive
 * with room either side of each step.
 */
import { describe, expect, it } from 'vitest';
import { seeded } from '../../../tests/support/random.ts';
import { chunkSizeFor, compareWords, needsRecut } from './index-merge.ts';

describe('compareWords', () => {
  it('orders words as their UTF-8 bytes do', () => {
    const random = seeded(21);
    const alphabet = ['a', '0', '党', '建', '\ua016', '\ua000', '𠀀', '𪜀', '\ue000', '\uff10', '~'];
    const word = () => Array.from({ length: random.int(1, 4) }, () => random.pick(alphabet)).join('');
    for (let i = 0; i < 3000; i++) {
      const a = word();
      const b = word();
      expect(Math.sign(compareWords(a, b))).toBe(Math.sign(Buffer.compare(Buffer.from(a), Buffer.from(b))));
    }
  });
});

describe('chunk size', () => {
  it('grows with the archive, and an index is cut again only well past a step', () => {
    expect([1000, 5000, 10_000].map(chunkSizeFor)).toEqual([8000, 16_000, 24_000]);
    for (let pages = 500; pages <= 20_000; pages += 50) expect(needsRecut(chunkSizeFor(pages), pages)).toBe(false);
    expect(needsRecut(8000, 2500)).toBe(false);
    expect(needsRecut(8000, 2600)).toBe(true);
    expect(needsRecut(16_000, 1600)).toBe(false);
    expect(needsRecut(16_000, 1500)).toBe(true);
  });
});
