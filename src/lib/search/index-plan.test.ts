import { describe, expect, it } from 'vitest';
import { indexDirForYear, MAX_PAGES_PER_INDEX, planSearchIndexes } from './index-plan.ts';

/** `count` features published in `year`. */
const inYear = (year: number, count: number) => Array.from({ length: count }, () => year);

describe('planSearchIndexes', () => {
  it('keeps an archive within the limit in the one primary index', () => {
    // The seven seed features.
    const parts = planSearchIndexes([2023, 2019, 2020, 2020, 2023, 2019, 2018]);
    expect(parts).toEqual([{ dir: 'pagefind', years: [2018, 2019, 2020, 2023], pages: 7 }]);
    expect(planSearchIndexes(inYear(2020, MAX_PAGES_PER_INDEX))).toHaveLength(1);
  });

  it('packs whole years oldest first, the newest part first as the primary index', () => {
    const years = [...inYear(2018, 1), ...inYear(2019, 2), ...inYear(2020, 2), ...inYear(2023, 2)];
    expect(planSearchIndexes(years, 3)).toEqual([
      { dir: 'pagefind', years: [2023], pages: 2 },
      { dir: 'pagefind-2020', years: [2020], pages: 2 },
      { dir: 'pagefind-2018-2019', years: [2018, 2019], pages: 3 },
    ]);
  });

  it('bounds every part at 5,000 features over ten years', () => {
    const years = Array.from({ length: 10 }, (_, i) => inYear(2016 + i, 500)).flat();
    const parts = planSearchIndexes(years);
    expect(parts.map((part) => [part.dir, part.pages])).toEqual([
      ['pagefind', 500],
      ['pagefind-2022-2024', 1500],
      ['pagefind-2019-2021', 1500],
      ['pagefind-2016-2018', 1500],
    ]);
    expect(parts.reduce((sum, part) => sum + part.pages, 0)).toBe(5000);
  });

  it('never divides a year, even one larger than the limit', () => {
    expect(planSearchIndexes([...inYear(2020, 5), ...inYear(2021, 1)], 3)).toEqual([
      { dir: 'pagefind', years: [2021], pages: 1 },
      { dir: 'pagefind-2020', years: [2020], pages: 5 },
    ]);
  });

  it('still has a primary index for a site with no features yet', () => {
    expect(planSearchIndexes([])).toEqual([{ dir: 'pagefind', years: [], pages: 0 }]);
  });
});

describe('indexDirForYear', () => {
  const parts = planSearchIndexes([2018, 2019, 2019, 2020, 2020, 2023, 2023], 3);

  it('names the part that holds a year', () => {
    expect(indexDirForYear(parts, 2019)).toBe('pagefind-2018-2019');
    expect(indexDirForYear(parts, 2023)).toBe('pagefind');
  });

  it('refuses a year the plan was not made from', () => {
    expect(() => indexDirForYear(parts, 2001)).toThrowErrorMatchingInlineSnapshot(
      `[Error: No search index part holds the year 2001; plan the parts from every feature's year.]`,
    );
  });
});
