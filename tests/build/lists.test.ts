/**
 * The browsing pages of the production build: the home page, 全部专版 (/archive/) and the
 * district and topic pages each list what they should, once. At seven features every list
 * fits on one page; the page links themselves are tested in tests/components/pagination.test.ts.
 */
import { parse, type HTMLElement } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { HOME_LATEST_COUNT } from '../../src/lib/pagination.ts';
import { publishedFeatures, readDist } from '../support/site.ts';

const page = (path: string): HTMLElement => parse(readDist(path));

/** The features a list page links to, by slug, in order. */
const listed = (html: HTMLElement): string[] =>
  html
    .querySelectorAll('main .feature-card h2 a, main .feature-card h3 a, main .lead a[href^="/features/"]')
    .map((a) => /^\/features\/([^/]+)\/$/.exec(a.getAttribute('href') ?? '')?.[1] ?? '')
    .filter((slug, index, all) => slug !== '' && all.indexOf(slug) === index);

const slugs = publishedFeatures.map((feature) => feature.slug).sort();

describe('全部专版', () => {
  const archive = page('archive/index.html');

  it('is linked from the home page with the number of features', () => {
    const link = page('index.html').querySelector('main a[href="/archive/"]');
    expect(link?.textContent.trim()).toBe(`浏览全部 ${publishedFeatures.length} 篇专版`);
  });

  it('lists every published feature once, and needs no page links at seven', () => {
    expect(listed(archive).sort()).toEqual(slugs);
    expect(archive.querySelector('nav[aria-label="分页"]')).toBeNull();
    expect(archive.querySelector('title')?.textContent).toBe('全部专版｜专版');
  });
});

it(`the home page shows the lead feature and at most ${HOME_LATEST_COUNT} more`, () => {
  const home = listed(page('index.html'));
  expect(home.length).toBe(Math.min(publishedFeatures.length, 1 + HOME_LATEST_COUNT));
  expect(home.every((slug) => slugs.includes(slug))).toBe(true);
});

describe.each([...new Set(publishedFeatures.map((feature) => feature.district))])('districts/%s/', (district) => {
  it('lists every feature of the district once', () => {
    const expected = publishedFeatures.filter((feature) => feature.district === district).map((f) => f.slug);
    expect(listed(page(`districts/${district}/index.html`)).sort()).toEqual(expected.sort());
  });
});

describe.each([...new Set(publishedFeatures.flatMap((feature) => feature.tags))])('topics/%s/', (topic) => {
  it('lists every feature with the topic once', () => {
    const expected = publishedFeatures.filter((feature) => feature.tags.includes(topic)).map((f) => f.slug);
    expect(listed(page(`topics/${topic}/index.html`)).sort()).toEqual(expected.sort());
  });
});
