/**
 * Page numbers and ids of a merged index, over random (seeded) changes: the numbers are
 * exactly 0 … total−1 with no hole, a page that stays keeps its number unless it must move
 * into a hole, and ids are a function of the pages alone.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { seeded } from '../../../tests/support/random.ts';
import { ID_DIGITS, numberPages, pageIds } from './index-pages.ts';

describe('numberPages', () => {
  it('numbers the pages without holes, moving as few as it must', () => {
    const random = seeded(20);
    for (let run = 0; run < 500; run++) {
      const old = random.int(0, 40);
      const dropped = new Set(Array.from({ length: random.int(0, old) }, () => random.int(0, Math.max(0, old - 1))));
      if (old === 0) dropped.clear();
      const added = random.int(0, 12);
      const { kept, added: numbers, total } = numberPages(old, dropped, added);
      expect(total).toBe(old - dropped.size + added);
      const used = [...kept]
        .filter((page) => page >= 0)
        .concat(numbers)
        .sort((a, b) => a - b);
      expect(used).toEqual(Array.from({ length: total }, (_, i) => i));
      for (let page = 0; page < old; page++) {
        if (dropped.has(page)) expect(kept[page]).toBe(-1);
        // A page below the new end never moves.
        else if (page < total) expect(kept[page]).toBe(page);
      }
    }
  });
});

describe('pageIds', () => {
  const hash = (text: string) => createHash('sha256').update(text).digest('hex');

  it('names each page by the first digits of its hash, in any order of the pages', () => {
    const hashes = Array.from({ length: 300 }, (_, i) => hash(`page ${i}`));
    const ids = pageIds(hashes);
    expect(new Set(ids).size).toBe(hashes.length);
    ids.forEach((id, i) => {
      expect(id).toBe(`und_${hashes[i]!.slice(0, id.length - 4)}`);
      expect(id.length - 4).toBeGreaterThanOrEqual(ID_DIGITS);
    });
    const reversed = pageIds(hashes.toReversed()).toReversed();
    expect(reversed).toEqual(ids);
  });

  it('gives two pages that share the first digits one more digit each, and no others', () => {
    const a = `abcdef1${'0'.repeat(57)}`;
    const b = `abcdef12${'0'.repeat(56)}`;
    const c = hash('c');
    expect(pageIds([a, b, c])).toEqual(['und_abcdef10', 'und_abcdef12', `und_${c.slice(0, ID_DIGITS)}`]);
  });
});
