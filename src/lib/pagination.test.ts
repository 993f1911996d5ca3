import { describe, expect, it } from 'vitest';
import { pageLinks, pageUrl, type PageLink } from './pagination.ts';

/** `1 … 4 [5] 6 … 9` for page 5 of 9. */
function row(links: PageLink[]): string {
  return links
    .map((link) => (link.kind === 'gap' ? '…' : link.current ? `[${link.page}]` : String(link.page)))
    .join(' ');
}

describe('pageLinks', () => {
  it('is a single current page for a list that fits on one', () => {
    expect(row(pageLinks(1, 1))).toBe('[1]');
  });

  it('shows every page while there are few', () => {
    expect(row(pageLinks(1, 3))).toBe('[1] 2 3');
    expect(row(pageLinks(3, 5))).toBe('1 2 [3] 4 5');
  });

  it('keeps the first, the last and the neighbours of the current page, with gaps between', () => {
    expect(row(pageLinks(1, 42))).toBe('[1] 2 … 42');
    expect(row(pageLinks(20, 42))).toBe('1 … 19 [20] 21 … 42');
    expect(row(pageLinks(42, 42))).toBe('1 … 41 [42]');
  });

  it('never hides a single page behind a gap', () => {
    expect(row(pageLinks(4, 9))).toBe('1 2 3 [4] 5 … 9');
    expect(row(pageLinks(6, 9))).toBe('1 … 5 [6] 7 8 9');
  });

  it('refuses a page outside the list', () => {
    expect(() => pageLinks(0, 3)).toThrow('page 0 of 3 is not a page');
    expect(() => pageLinks(4, 3)).toThrow('page 4 of 3 is not a page');
  });
});

describe('pageUrl', () => {
  it('puts page 1 at the list itself and page n one folder below, with the trailing slash', () => {
    expect(pageUrl('/districts/erqi/', 1)).toBe('/districts/erqi/');
    expect(pageUrl('/districts/erqi/', 3)).toBe('/districts/erqi/3/');
    expect(pageUrl('/archive', 2)).toBe('/archive/2/');
  });
});
