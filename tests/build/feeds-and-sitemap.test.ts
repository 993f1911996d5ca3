/**
 * The files other programs read: the RSS feed (feed readers, WeChat article tools) and the
 * sitemaps (search engines).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dist, letters, parseXml, publishedFeatures, readDist, sitemapPaths } from '../support/site.ts';

interface RssItem {
  title?: string;
  link?: string;
  'content:encoded'?: string;
}

const textOf = (html: string): string => letters(html.replace(/<[^>]+>/g, ''));

describe('rss.xml', () => {
  const feed = parseXml(readDist('rss.xml')) as { rss?: { channel?: { item?: RssItem | RssItem[] } } };
  const raw = feed.rss?.channel?.item;
  const items = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];

  it('has one item per published feature, linking to its page', () => {
    const slugs = items.map((item) => /\/features\/([^/]+)\/$/.exec(item.link ?? '')?.[1]).sort();
    expect(slugs).toEqual(publishedFeatures.map((feature) => feature.slug));
  });

  it.each(publishedFeatures)('carries the full text of $slug', (feature) => {
    const item = items.find((candidate) => candidate.link?.endsWith(`/features/${feature.slug}/`));
    expect(item?.title && letters(item.title)).toBe(letters(feature.title));
    const content = textOf(item?.['content:encoded'] ?? '');
    const missing = feature.paragraphs.filter((paragraph) => !content.includes(letters(paragraph)));
    expect(feature.paragraphs.length).toBeGreaterThan(0);
    expect(missing).toEqual([]);
  });
});

describe('districts/<id>/rss.xml', () => {
  const districts = [...new Set(publishedFeatures.map((feature) => feature.district))];

  it.each(districts)('%s: its own features, full text, announced on its page', (district) => {
    const feed = parseXml(readDist(`districts/${district}/rss.xml`)) as {
      rss?: { channel?: { item?: RssItem | RssItem[] } };
    };
    const raw = feed.rss?.channel?.item;
    const items = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
    const own = publishedFeatures.filter((feature) => feature.district === district);
    expect(items.map((item) => /\/features\/([^/]+)\/$/.exec(item.link ?? '')?.[1]).sort()).toEqual(
      own.map((feature) => feature.slug).sort(),
    );
    for (const feature of own) {
      const item = items.find((candidate) => candidate.link?.endsWith(`/features/${feature.slug}/`));
      expect(textOf(item?.['content:encoded'] ?? '')).toContain(letters(feature.paragraphs[0] ?? ''));
    }
    expect(readDist(`districts/${district}/index.html`)).toMatch(
      new RegExp(
        `<link rel="alternate" type="application/rss\\+xml" title="[^"]+" href="[^"]*/districts/${district}/rss\\.xml"`,
        'u',
      ),
    );
  });
});

describe('sitemap', () => {
  const paths = sitemapPaths();

  it('lists the home page, 全部专版 and every feature', () => {
    expect(paths).toContain('/');
    expect(paths).toContain('/archive/');
    for (const feature of publishedFeatures) expect(paths).toContain(`/features/${feature.slug}/`);
  });

  it('lists the page of every district and topic a published feature belongs to', () => {
    const expected = new Set(
      publishedFeatures.flatMap((f) => [`/districts/${f.district}/`, ...f.tags.map((t) => `/topics/${t}/`)]),
    );
    for (const path of expected) {
      expect(existsSync(join(dist, path, 'index.html')), `${path} was not built`).toBe(true);
      expect(paths, `${path} is not in the sitemap`).toContain(path);
    }
  });

  it('lists only pages that exist, and not the 404 page', () => {
    expect(paths.filter((path) => path.includes('404'))).toEqual([]);
    expect(paths.filter((path) => !existsSync(join(dist, path, 'index.html')))).toEqual([]);
  });
});
