/**
 * The pages of a merged search index (index-merge.ts): which number each page gets, and its id.
 *
 * Numbers: Pagefind counts every entry of its page list when it ranks (BM25's page count), so
 * the merged list has no holes — it is exactly the live pages, as one fresh index of the same
 * pages would be. A page that stays keeps its number, so the chunks that do not hold its
 * words need not be rewritten; a new page takes a number a dropped page left; dropped numbers
 * left over are filled by moving the last pages down.
 *
 * Ids: a page's id (its fragment's name) is the shortest prefix of at least ID_DIGITS hex
 * digits of its fragment's hash that no other page shares — a function of the pages alone,
 * not of the order they came in, so a rebuilt index and one updated build by build name every
 * page alike (results with equal scores are ordered by id: search-engine.ts).
 */
import { INDEX_LANGUAGE } from './index-document.ts';

/** Hex digits of a page id, as Pagefind names pages; more only where two pages share them. */
export const ID_DIGITS = 7;

export interface PageNumbers {
  /** For each page of the old index: its number in the new one, or -1 when it is dropped. */
  kept: Int32Array;
  /** For each new page, in order: its number. */
  added: number[];
  total: number;
}

/** Numbers for the pages of an index of `old` pages that drops `dropped` and adds `added`. */
export function numberPages(old: number, dropped: ReadonlySet<number>, added: number): PageNumbers {
  const kept = new Int32Array(old);
  for (let page = 0; page < old; page++) kept[page] = dropped.has(page) ? -1 : page;
  const holes = [...dropped].filter((page) => page >= 0 && page < old).sort((a, b) => a - b);
  const total = old - holes.length + added;
  const numbers: number[] = [];
  for (let i = 0; i < added; i++) numbers.push(i < holes.length ? holes[i]! : old + i - holes.length);
  // Holes no new page filled, below the new end: the last kept pages move into them.
  const open = holes.slice(added).filter((page) => page < total);
  let last = old - 1;
  for (const hole of open) {
    while (kept[last] === -1) last--;
    kept[last] = hole;
    last--;
  }
  return { kept, added: numbers, total };
}

/** The id of every page, by its fragment's hash (hex): shortest unique prefix, ID_DIGITS at least. */
export function pageIds(hashes: readonly string[]): string[] {
  const order = hashes.map((hash, i) => [hash, i] as const).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const digits = new Array<number>(hashes.length).fill(ID_DIGITS);
  const shared = (a: string, b: string) => {
    let n = 0;
    while (n < a.length && a[n] === b[n]) n++;
    return n;
  };
  for (let k = 1; k < order.length; k++) {
    const [previous, i] = order[k - 1]!;
    const [hash, j] = order[k]!;
    if (previous === hash) throw new Error(`search index: two pages with one fragment (${hash})`);
    const needed = shared(previous, hash) + 1;
    digits[i] = Math.max(digits[i]!, needed);
    digits[j] = Math.max(digits[j]!, needed);
  }
  return hashes.map((hash, i) => `${INDEX_LANGUAGE}_${hash.slice(0, digits[i])}`);
}
