import { describe, expect, it } from 'vitest';
import { LIST_PAGE_SIZE, pageUrl } from '../pagination.ts';
import { sitePages, type PublishedFeature } from './site-pages.ts';

const features = (count: number, district = 'jingkai', tags = ['dangjian']): PublishedFeature[] =>
  Array.from({ length: count }, (_, i) => ({ slug: `f${i}`, district, tags }));
const ids = { districts: ['jingkai', 'erqi'], topics: ['dangjian', 'wenhua'] };

describe('sitePages', () => {
  it('names each page of a list as the routes do (pageUrl), as many as the list fills', () => {
    for (const count of [1, LIST_PAGE_SIZE, LIST_PAGE_SIZE + 1, 3 * LIST_PAGE_SIZE + 2]) {
      const pages = sitePages(features(count), ids);
      const expected = Math.ceil(count / LIST_PAGE_SIZE);
      for (const first of ['/archive/', '/districts/jingkai/', '/topics/dangjian/']) {
        const listed = [...pages].filter((page) => page.startsWith(first) && !page.endsWith('.xml'));
        expect(listed).toEqual(Array.from({ length: expected }, (_, i) => pageUrl(first, i + 1)));
      }
    }
  });

  it('has no page, and no feed, for a district or topic no published feature names', () => {
    const pages = sitePages(features(3), ids);
    expect(pages.has('/districts/jingkai/rss.xml')).toBe(true);
    expect([...pages].filter((page) => /erqi|wenhua/.test(page))).toEqual([]);
    // An id outside the lists has no page either, whatever a feature says.
    expect([...sitePages(features(1, 'nowhere', ['nothing']), ids)].filter((p) => /nowhere|nothing/.test(p))).toEqual(
      [],
    );
  });

  it('has each feature’s page, and the pages every site has', () => {
    const pages = sitePages(features(2), ids);
    for (const page of ['/', '/about/', '/search/', '/archive/', '/rss.xml', '/features/f0/', '/features/f1/'])
      expect(pages.has(page), page).toBe(true);
  });
});
