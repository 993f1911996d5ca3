/**
 * What a page tells link previews, search engines and feed readers about itself, checked
 * in the production build: canonical address, Open Graph, JSON-LD, the feed link, the share
 * box, and which images load first.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import { parse, type HTMLElement } from 'node-html-parser';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { dist, parseXml, publishedFeatures, readDist, repo } from '../support/site.ts';

const page = (path: string): HTMLElement => parse(readDist(path));
const meta = (html: HTMLElement, key: string): string | undefined =>
  html.querySelector(`meta[property="${key}"], meta[name="${key}"]`)?.getAttribute('content');
/** A file of the build from its absolute URL on the site. */
const distFile = (url: string): string => join(dist, new URL(url).pathname);

describe.each(publishedFeatures)('features/$slug/ metadata', ({ slug, title }) => {
  const html = page(`features/${slug}/index.html`);
  const { frontmatter } = parseFrontmatter(readFileSync(join(repo, 'content/features', slug, 'index.mdx'), 'utf8'));
  const date = String(frontmatter['date']);
  const canonical = html.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? '';

  it('names its canonical address, which the share box and Open Graph repeat', () => {
    expect(new URL(canonical).pathname).toBe(`/features/${slug}/`);
    expect(meta(html, 'og:url')).toBe(canonical);
    expect(html.querySelector('input[data-share-url]')?.getAttribute('value')).toBe(canonical);
  });

  it('is an Open Graph article whose image is a 1200 px JPEG of the cover in the build', async () => {
    expect(meta(html, 'og:type')).toBe('article');
    expect(meta(html, 'og:title')).toBe(title);
    expect(meta(html, 'og:locale')).toBe('zh_CN');
    expect(meta(html, 'twitter:card')).toBe('summary_large_image');
    const image = meta(html, 'og:image') ?? '';
    const { width, format } = await sharp(distFile(image)).metadata();
    expect([width, format]).toEqual([1200, 'jpeg']);
    expect(meta(html, 'og:image:width')).toBe('1200');
  });

  it('has NewsArticle JSON-LD dated only as precisely as the editor wrote', () => {
    const block = html.querySelector('script[type="application/ld+json"]')?.textContent ?? '';
    expect(block).not.toMatch(/<\//);
    const article = JSON.parse(block) as Record<string, unknown>;
    expect(article).toMatchObject({ '@type': 'NewsArticle', headline: title, datePublished: date, url: canonical });
  });

  it('shares by link, a build-time QR code and Weibo, with no third-party request', () => {
    const qr = html.querySelector('.share svg[role="img"]');
    expect(qr?.getAttribute('aria-label')).toBe('用微信扫码阅读本文');
    const weibo = new URL(
      html.querySelector('a[href^="https://service.weibo.com/share/share.php"]')?.getAttribute('href') ?? '',
    );
    expect(weibo.searchParams.get('url')).toBe(canonical);
    const external = html
      .querySelectorAll('script[src], link[href], img[src], source[srcset], iframe')
      .map((node) => node.getAttribute('src') ?? node.getAttribute('href') ?? node.getAttribute('srcset') ?? '')
      .filter((address) => /^(https?:)?\/\//.test(address) && !address.startsWith(new URL(canonical).origin));
    expect(external).toEqual([]);
  });
});

describe('rss.xml photos', () => {
  const feed = parseXml(readDist('rss.xml')) as {
    rss: { channel: { item: { link: string; 'content:encoded': string }[] } };
  };

  it.each(publishedFeatures)('carries every Figure photo of $slug once, at an address in the build', ({ slug }) => {
    const source = readFileSync(join(repo, 'content/features', slug, 'index.mdx'), 'utf8');
    const item = feed.rss.channel.item.find((candidate) => candidate.link.endsWith(`/features/${slug}/`));
    const images = parse(item?.['content:encoded'] ?? '').querySelectorAll('img');
    expect(images).toHaveLength(source.match(/<Figure\b/g)?.length ?? 0);
    for (const img of images) expect(readFileSync(distFile(img.getAttribute('src') ?? '')).length).toBeGreaterThan(0);
  });
});

describe('other pages', () => {
  it('the home page is a website with WebSite JSON-LD, the feed linked, and only the lead photo eager', () => {
    const home = page('index.html');
    expect(meta(home, 'og:type')).toBe('website');
    expect(home.querySelector('link[rel="alternate"][type="application/rss+xml"]')?.getAttribute('href')).toMatch(
      /\/rss\.xml$/,
    );
    const data = JSON.parse(home.querySelector('script[type="application/ld+json"]')?.textContent ?? '{}') as Record<
      string,
      unknown
    >;
    expect(data['@type']).toBe('WebSite');
    const images = home.querySelectorAll('main img');
    expect(images.length).toBe(publishedFeatures.length);
    expect(images.filter((img) => img.getAttribute('loading') !== 'lazy')).toHaveLength(1);
    expect(images[0]?.getAttribute('fetchpriority')).toBe('high');
  });

  it('the 404 page asks not to be indexed and names no canonical address', () => {
    const notFound = page('404.html');
    expect(meta(notFound, 'robots')).toBe('noindex');
    expect(notFound.querySelector('link[rel="canonical"]')).toBeNull();
    expect(notFound.querySelectorAll('main a').map((a) => a.getAttribute('href'))).toEqual([
      '/',
      '/districts/',
      '/topics/',
    ]);
  });
});
