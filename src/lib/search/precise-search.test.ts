import { describe, expect, it } from 'vitest';
import {
  countOccurrences,
  createPreciseSearch,
  rankExactMatches,
  withHighlightTerms,
  type PagefindApi,
  type RawResult,
} from './precise-search.ts';

const result = (id: string, words: number[], score = 1): RawResult => ({
  id,
  score,
  words,
  data: () => Promise.resolve({ id }),
});

describe('countOccurrences', () => {
  it('counts runs of consecutive positions as one occurrence each', () => {
    // 路长制 indexed as 路/长/制: positions 10-12 and 40-42 are two occurrences; 20 and 30 are stray characters.
    expect(countOccurrences([10, 11, 12, 20, 30, 40, 41, 42], 3)).toBe(2);
    expect(countOccurrences([10, 11, 12, 13, 14, 15], 3)).toBe(2);
    expect(countOccurrences([20, 30, 31], 3)).toBe(0);
    expect(countOccurrences([5], 1)).toBe(1);
    expect(countOccurrences([], 2)).toBe(0);
  });
});

describe('rankExactMatches', () => {
  it('keeps only pages every phrase search found, most occurrences first', () => {
    const ranked = [
      result('fengyang', [1, 5, 9, 20, 21, 22], 1.8), // one occurrence, many stray characters
      result('jiulong', [3, 4, 5, 40, 41, 42, 90, 91, 92], 0.9), // three occurrences
      result('gouzhao', [7, 8], 0.6), // never the whole term
    ];
    const phrase = [result('fengyang', [20, 21, 22]), result('jiulong', [3, 4, 5])];
    expect(rankExactMatches(ranked, [phrase]).map((r) => r.id)).toEqual(['jiulong', 'fengyang']);
  });

  it('requires every term (AND) and returns nothing when any term has no page', () => {
    const ranked = [result('a', [1, 2]), result('b', [1, 2])];
    expect(
      rankExactMatches(ranked, [[result('a', [1, 2]), result('b', [1, 2])], [result('b', [7])]]).map((r) => r.id),
    ).toEqual(['b']);
    expect(rankExactMatches(ranked, [[result('a', [1, 2])], []])).toEqual([]);
    expect(rankExactMatches(ranked, [])).toEqual([]);
  });

  it('breaks ties by Pagefind’s own order', () => {
    const ranked = [result('b', [1, 2], 2), result('a', [1, 2], 1)];
    const phrase = [result('a', [1, 2]), result('b', [1, 2])];
    expect(rankExactMatches(ranked, [phrase]).map((r) => r.id)).toEqual(['b', 'a']);
  });
});

describe('createPreciseSearch', () => {
  function fakePagefind(pages: Record<string, string>): PagefindApi & { calls: string[] } {
    const calls: string[] = [];
    return {
      calls,
      options: () => Promise.resolve(undefined),
      search: (term) => {
        calls.push(String(term));
        const phrase = term?.startsWith('"') ? term.slice(1, -1) : null;
        const results = Object.entries(pages)
          .filter(([, text]) => (phrase ? text.includes(phrase) : [...(term ?? '')].some((c) => text.includes(c))))
          .map(([id, text]) => {
            const needle = phrase ?? term ?? '';
            const start = text.indexOf(needle);
            return result(
              id,
              phrase
                ? [...needle].map((_, i) => start + i)
                : [...text].flatMap((c, i) => (needle.includes(c) ? [i] : [])),
            );
          });
        return Promise.resolve({ results });
      },
    };
  }

  it('normalises the query and returns only pages containing it', async () => {
    const pagefind = fakePagefind({ erqi: '推进海绵城市建设', jiulong: '城市管理', gouzhao: '天健湖公园' });
    const precise = createPreciseSearch(pagefind);
    const response = await precise.search('海綿城市');
    expect(response?.results.map((r) => r.id)).toEqual(['erqi']);
    expect(pagefind.calls).toEqual(['海绵城市', '"海绵城市"']);
  });

  it('answers punctuation-only input with no results, without asking Pagefind', async () => {
    const pagefind = fakePagefind({ erqi: '海绵城市' });
    const response = await createPreciseSearch(pagefind).search('！？');
    expect(response?.results).toEqual([]);
    expect(pagefind.calls).toEqual([]);
  });

  it('passes a filter-only search (no term) through', async () => {
    const pagefind = fakePagefind({ erqi: '海绵城市' });
    await createPreciseSearch(pagefind).search(null);
    expect(pagefind.calls).toEqual(['null']);
  });

  it('keeps the rest of the instance working', () => {
    const pagefind = fakePagefind({});
    const precise = createPreciseSearch(pagefind);
    expect(typeof precise['options']).toBe('function');
  });
});

describe('withHighlightTerms', () => {
  it('replaces Pagefind’s per-character highlight terms with the whole terms', () => {
    expect(
      withHighlightTerms('/features/gouzhao/?highlight=天&highlight=健&highlight=湖', 'highlight', ['天健湖']),
    ).toBe('/features/gouzhao/?highlight=%E5%A4%A9%E5%81%A5%E6%B9%96');
    expect(withHighlightTerms('/features/erqi/#section-2', 'highlight', ['海绵城市', 'pm2.5'])).toBe(
      '/features/erqi/?highlight=%E6%B5%B7%E7%BB%B5%E5%9F%8E%E5%B8%82&highlight=pm2.5#section-2',
    );
  });
});
